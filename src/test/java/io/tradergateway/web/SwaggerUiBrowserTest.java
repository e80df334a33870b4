package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradergateway.support.Eventually;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
class SwaggerUiBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @TempDir
    Path profile;

    WebDriver browser;
    ChromeDriverService driverService;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean browserPresent = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String hint = "Swagger UI browser test skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                + ". Install Debian's chromium (as .ci/run does): "
                + "apt-get update && apt-get install -y chromium chromium-driver";
        if (!browserPresent) {
            // an assumption's message reaches only the surefire XML; this line reaches the console too
            System.err.println("WARNING: " + hint);
        }
        assumeTrue(browserPresent, hint);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // No network beyond localhost on CI machines: every background fetch would only fail slowly.
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1000",
                        "--user-data-dir=" + Files.createDirectories(profile.resolve("chromium")));
        // An explicit driver: Selenium Manager would otherwise try to download one.
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driverService.start();
        // Plain WebDriver protocol: no DevTools connection, so no CDP version has to match this chromium.
        browser = new RemoteWebDriver(driverService.getUrl(), options);
        Eventually.await(
                "TWS session READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
    }

    @Test
    void tryItOutOnAccountsWithTheApiKeyShowsTheSimulatedAccounts() {
        WebDriverWait wait = new WebDriverWait(browser, UI_TIMEOUT);
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

    private static void click(WebDriverWait wait, By element) {
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }
}
