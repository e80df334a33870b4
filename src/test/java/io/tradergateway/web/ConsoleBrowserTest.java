package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.status.StatusPageStub;
import io.tradergateway.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator console in a real browser (headless chromium), against the gateway in simulator mode with an API
 * key configured, TRADER_CHECK=False and a status page reporting outages: the key prompt, the book, a chart whose bar count matches the API's
 * answer, the API's validation message instead of a chart, a TWS outage and its recovery, IB's messages and
 * the TRADER_CHECK override. Screenshots go to target/console-screenshots/ for a reviewer.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.security.api-keys=console-test-key", "TRADER_CHECK=False"})
@ActiveProfiles("sim")
class ConsoleBrowserTest extends BrowserTestBase {

    private static final String KEY = "console-test-key";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** IB's status page: messages for NASDAQ (an exchange of interest) and MOEX (not of interest). */
    static final StatusPageStub PAGE = new StatusPageStub();

    @DynamicPropertySource
    static void statusPage(DynamicPropertyRegistry registry) {
        PAGE.serve("multi-section.html");
        PAGE.register(registry, true);
    }

    @AfterAll
    static void stopPage() {
        PAGE.close();
    }

    Http http;
    ConsolePage page;

    @BeforeEach
    void client() {
        http = new Http(port);
        page = new ConsolePage(browser, wait, port, KEY);
    }

    @AfterEach
    void clearFaults() {
        http.send("POST", "/sim/clear", "X-API-Key", KEY);
    }

    @Test
    void thePageAsksForTheKeyThenShowsTheBookAndReloadsWithNoConsoleErrors() {
        browser.get(consoleUrl());
        // the static page loads without a key; its data calls are refused until one is entered
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "needs an API key"));
        // the link's state is set once every call of the chain has answered, which may be after the notice
        wait.until(d -> "UP".equals(dataState("link-gateway")));
        assertThat(browser.findElement(By.cssSelector("#positions tbody")).getText())
                .isEmpty();
        // the refused calls are in the browser's console: proof that the console is read (see the end)
        assertThat(chromium.consoleSinceLastCall())
                .anySatisfy(entry -> assertThat(entry.getMessage()).contains("401"));

        enterKey();
        awaitBook();
        assertThat(browser.getCurrentUrl()).doesNotContain(KEY);
        assertThat(browser.findElement(By.id("key-input")).getAttribute("value"))
                .isEmpty();

        // the key stays in this tab's session: a reload shows everything again, with nothing in the console
        chromium.consoleSinceLastCall();
        browser.navigate().refresh();
        awaitBook();
        wait.until(d -> "ready".equals(dataState("chart")));
        wait.until(d -> "READY".equals(dataState("link-tws")));

        JsonNode positions = page.api("/api/v1/positions");
        assertThat(rows("positions")).hasSize(positions.get("positions").size());
        String shown = browser.findElement(By.id("positions")).getText();
        assertThat(shown).contains("DU1111111", "DU2222222", "AAPL", "MSFT", "EUR.USD");
        assertThat(new Select(browser.findElement(By.id("account")))
                        .getOptions().stream().map(WebElement::getText).toList())
                .anySatisfy(a -> assertThat(a).startsWith("DU1111111"))
                .anySatisfy(a -> assertThat(a).startsWith("DU2222222"));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("Net liquidation", "DU1111111");
        JsonNode portfolio = page.api("/api/v1/accounts/DU1111111/portfolio");
        assertThat(rows("portfolio")).hasSize(portfolio.get("rows").size());
        assertThat(browser.findElement(By.id("portfolio")).getText()).contains("Unrealized PnL", "Total USD");
        assertThat(browser.findElement(By.id("positions-freshness")).getText()).contains("as of");
        assertThat(browser.findElement(By.id("mode")).getText()).contains("SIMULATOR");
        assertThat(browser.findElement(By.id("tws-details")).getText())
                .contains("Server version", "200", "Client id", "Farms", "usfarm OK", "Reconnects");
        chromium.screenshot(SCREENSHOTS.resolve("console.png"));

        List<LogEntry> console = chromium.consoleSinceLastCall();
        assertThat(console)
                .as("browser console after a reload: %s", console)
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());
    }

    @Test
    void theConsoleIsServedWithAContentSecurityPolicyAndNoKey() {
        HttpResponse<String> page = http.get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains("script-src 'self'", "style-src 'self'", "connect-src 'self'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.body()).doesNotContain("<style", "style=\"", "onclick", "http://", "https://");
        assertThat(http.get("/webjars/echarts/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(http.get("/console").statusCode()).isEqualTo(302);
        assertThat(http.get("/api/v1/positions").statusCode()).isEqualTo(401);
    }

    @Test
    void theChartDrawsAsManyBarsAsTheApiReturnsForTheSameQuery() {
        openWithKey();
        // a range that ended in the past: the same bars whenever the test runs
        ((JavascriptExecutor) browser).executeScript("document.getElementById('h-end').value = '2026-03-03T16:00'");
        askForHistory("MSFT", "1 day", "3", "M");

        wait.until(d -> "ready".equals(dataState("chart"))
                && browser.findElement(By.id("chart"))
                        .getAttribute("data-query")
                        .contains("symbol=MSFT"));
        WebElement chart = browser.findElement(By.id("chart"));
        String query = chart.getAttribute("data-query");
        assertThat(query).contains("barSize=1+day", "duration=3+M", "end=2026-03-0");
        int drawn = Integer.parseInt(chart.getAttribute("data-bar-count"));
        int answered = page.api("/api/v1/history?" + query).get("bars").size();
        assertThat(drawn).isGreaterThan(40).isEqualTo(answered);
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("chart-caption")).getText()).contains("MSFT", drawn + " bars of 1 day");
        chromium.screenshot(SCREENSHOTS.resolve("chart.png"));
    }

    @Test
    void aRefusedHistoryQueryShowsTheApisMessageInsteadOfAChart() {
        openWithKey();
        askForHistory("AAPL", "1 secs", "1", "D");

        wait.until(d -> "error".equals(dataState("chart")));
        WebElement chart = browser.findElement(By.id("chart"));
        HttpResponse<String> refused =
                http.get("/api/v1/history?" + chart.getAttribute("data-query"), "X-API-Key", KEY);
        assertThat(refused.statusCode()).isEqualTo(400);
        String detail = JSON.readTree(refused.body()).get("detail").asString();
        assertThat(browser.findElement(By.id("chart-message")).getText()).contains(detail);
        assertThat(chart.getAttribute("data-bar-count")).isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isEmpty();
        chromium.screenshot(SCREENSHOTS.resolve("history-refused.png"));
    }

    @Test
    void aTwsOutageShowsWithinSecondsAndRecoveryAfter() {
        openWithKey();
        wait.until(d -> "READY".equals(dataState("link-tws")));

        post("/sim/refuse?seconds=600");
        post("/sim/disconnect");
        long cut = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> List.of("DISCONNECTED", "CONNECTING").contains(dataState("link-tws")));
        assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThan(Duration.ofSeconds(10));
        assertThat(browser.findElement(By.id("link-tws")).getAttribute("class")).containsAnyOf("bad", "warn");
        wait.until(d -> !"UP".equals(dataState("link-trading")));
        wait.until(d ->
                "true".equals(browser.findElement(By.id("positions-freshness")).getAttribute("data-stale")));
        chromium.screenshot(SCREENSHOTS.resolve("tws-outage.png"));

        post("/sim/clear");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "READY".equals(dataState("link-tws")));
        wait.until(d -> "UP".equals(dataState("link-trading")));
        assertThat(browser.findElement(By.id("tws-details")).getText()).contains("Reconnects");
        chromium.screenshot(SCREENSHOTS.resolve("tws-recovered.png"));
    }

    @Test
    void ibStatusMessagesAreListedAndTheTraderCheckOverrideIsShownInPlainWords() {
        openWithKey();
        JsonNode ib = page.api("/api/v1/status").get("ibStatus");
        String state = ib.get("state").asString();
        assertThat(state).isIn("OUTAGE", "MAINTENANCE");
        wait.until(d -> state.equals(dataState("link-ib")));

        List<WebElement> relevant = browser.findElements(By.cssSelector("#ib-relevant li"));
        assertThat(relevant).hasSize(ib.get("relevant").size());
        assertThat(browser.findElement(By.id("ib-relevant")).getText()).contains("NASDAQ");
        browser.findElement(By.cssSelector("#chain details summary")).click();
        assertThat(browser.findElements(By.cssSelector("#ib-irrelevant li")))
                .hasSize(ib.get("irrelevant").size());
        assertThat(browser.findElement(By.id("ib-irrelevant")).getText()).contains("MOEX");

        // TRADER_CHECK=False: the page's outage is shown, and so is the fact that it does not stop trading
        assertThat(browser.findElement(By.id("trader-check")).getAttribute("data-enabled"))
                .isEqualTo("false");
        assertThat(browser.findElement(By.id("trader-check")).getText())
                .contains("TRADER_CHECK=False", "OFF", "ignores", state);
        assertThat(browser.findElement(By.id("link-ib")).getAttribute("class")).contains("off");
        assertThat(browser.findElement(By.id("link-ib")).getText())
                .contains("not checked", state.toLowerCase(Locale.ROOT));
        assertThat(dataState("link-trading")).isEqualTo("UP");
        chromium.screenshot(SCREENSHOTS.resolve("ib-status.png"));
    }

    private void askForHistory(String contract, String barSize, String count, String unit) {
        page.type(By.id("h-contract"), contract);
        new Select(browser.findElement(By.id("h-barSize"))).selectByValue(barSize);
        page.type(By.id("h-durationCount"), count);
        new Select(browser.findElement(By.id("h-durationUnit"))).selectByValue(unit);
        browser.findElement(By.cssSelector("#history-form button[type=submit]")).click();
    }

    private String consoleUrl() {
        return page.url();
    }

    private void openWithKey() {
        page.openWithKey();
    }

    private void enterKey() {
        page.enterKey();
    }

    private void awaitBook() {
        page.awaitBook();
    }

    private List<WebElement> rows(String table) {
        return page.rows(table);
    }

    private String dataState(String id) {
        return page.dataState(id);
    }

    private void post(String path) {
        assertThat(http.send("POST", path, "X-API-Key", KEY).statusCode()).isEqualTo(200);
    }
}
