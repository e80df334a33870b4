package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Http;
import java.net.http.HttpResponse;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator console as the browser tests drive it: open it, enter the key, read what it shows. */
final class ConsolePage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final int port;
    private final String key;

    ConsolePage(WebDriver browser, WebDriverWait wait, int port, String key) {
        this.browser = browser;
        this.wait = wait;
        this.port = port;
        this.key = key;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/console/";
    }

    /** Opens the page, answers its key prompt and waits for the book. */
    void openWithKey() {
        browser.get(url());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "needs an API key"));
        enterKey();
        awaitBook();
    }

    void enterKey() {
        browser.findElement(By.id("key-input")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        wait.until(d -> key.equals(script("return sessionStorage.getItem('traderGateway.apiKey')")));
    }

    void awaitBook() {
        wait.until(d -> !rows("positions").isEmpty() && !rows("portfolio").isEmpty());
    }

    List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    String dataState(String id) {
        return browser.findElement(By.id(id)).getAttribute("data-state");
    }

    void type(By field, String text) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    /** GETs a path of the API with the key, as the page would: 200 asserted, the JSON returned. */
    JsonNode api(String path) {
        HttpResponse<String> response = new Http(port).get(path, "X-API-Key", key);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
    }
}
