package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Swagger UI in a real browser (Debian's headless chromium through its chromedriver): authorize with an API
 * key, "Try it out" on GET /api/v1/accounts, and see the simulator's accounts in the response. Skipped, with
 * the install command, where chromium is not installed; {@code .ci/run} installs it, so CI always runs it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.security.api-keys=first-secret-key,second-secret-key")
@ActiveProfiles("sim")
class SwaggerUiBrowserTest extends BrowserTestBase {

    @Test
    void tryItOutOnAccountsWithTheApiKeyShowsTheSimulatedAccounts() {
        browser.get("http://127.0.0.1:" + port + "/swagger-ui.html");

        click(wait, By.cssSelector("button.authorize"));
        WebElement keyInput = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-ux .auth-container input[type=text]")));
        keyInput.sendKeys("second-secret-key");
        click(wait, By.cssSelector(".modal-ux .auth-btn-wrapper button.authorize"));
        click(wait, By.cssSelector(".modal-ux button.btn-done"));

        WebElement operation =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operations-Accounts-list")));
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        click(wait, By.cssSelector("#operations-Accounts-list button.try-out__btn"));
        click(wait, By.cssSelector("#operations-Accounts-list button.execute"));

        By liveResponse = By.cssSelector("#operations-Accounts-list .live-responses-table");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(liveResponse, "DU2222222"));
        String shown = browser.findElement(liveResponse).getText();
        assertThat(shown).contains("200", "DU1111111", "DU2222222", "simulator");
        // The curl Swagger UI shows proves the key went in the header the spec declares.
        assertThat(browser.findElement(By.cssSelector("#operations-Accounts-list .curl-command"))
                        .getText())
                .contains("X-API-Key: second-secret-key");
    }

    private void click(WebDriverWait wait, By element) {
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }
}
