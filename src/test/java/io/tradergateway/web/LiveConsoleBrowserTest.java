package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Http;
import io.tradergateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's live panels in a real browser (headless chromium) against the gateway in simulator mode: quotes
 * and PnL through the event stream (GET /api/v1/stream read with fetch and the key in a header), the order blotter
 * (orders placed through the API, through to Filled and Cancelled), history job progress bars, and the stream reader itself (parsing, Last-Event-ID resume, backoff). The app runs on real time
 * moved ahead by hand ({@link MutableClock#ticking}), so a quote's staleness is reached by moving the clock, not by waiting.
 * Screenshots go to target/console-screenshots/.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.security.api-keys=" + LiveConsoleBrowserTest.KEY,
            "gateway.trading.enabled=true",
            "TRADER_CHECK=False", // trading health UP: its polled 503 would be a console error
            "gateway.market-data.stale-after=5s",
            "gateway.history.jobs.polling-interval=200ms",
            "gateway.history.jobs.events-interval=200ms"
        })
@ActiveProfiles("sim")
class LiveConsoleBrowserTest extends BrowserTestBase {

    static final String KEY = "live-console-key";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int AAPL = 265598;
    private static final int MSFT = 272093;

    @TestConfiguration
    static class HandMovedRealTime {
        @Bean
        @Primary
        MutableClock tickingClock() {
            return MutableClock.ticking();
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    TwsSimulator simulator;

    ConsolePage page;

    @BeforeEach
    void client() {
        page = new ConsolePage(browser, wait, port, KEY);
    }

    @AfterEach
    void resumeTicks() {
        simulator.marketData().stopTicking(false);
        simulator.marketData().notSubscribed(MSFT, false);
    }

    @Test
    void quotesAndPnlStreamIntoThePageAndAQuoteThatFallsSilentIsMarkedStale() {
        page.openWithKey();
        chromium.consoleSinceLastCall(); // the refused calls made before the key was entered
        simulator.marketData().notSubscribed(MSFT, true); // TWS refuses live data: the gateway falls back to delayed
        watch(Integer.toString(AAPL));
        watch("MSFT"); // a description, resolved through GET /api/v1/contracts

        // the simulator's ticks move the quotes: several events, and the price shown changes
        Set<String> lastPrices = new HashSet<>();
        wait.until(d -> {
            lastPrices.add(quoteRow(AAPL).getAttribute("data-last"));
            return Integer.parseInt(quoteRow(AAPL).getAttribute("data-updates")) >= 5 && lastPrices.size() >= 3;
        });
        wait.until(d -> "fresh".equals(quoteRow(MSFT).getAttribute("data-state")));
        assertThat(quoteRow(MSFT).getAttribute("data-type")).isEqualTo("delayed");
        assertThat(quoteRow(MSFT).getText()).contains("MSFT", "delayed");
        JsonNode quote = page.api("/api/v1/quotes?conId=" + AAPL).get("quotes").get(0);
        assertThat(quoteRow(AAPL).getAttribute("data-type"))
                .isEqualTo(quote.get("marketDataType").asString());
        assertThat(quoteRow(AAPL).getText()).contains("AAPL", "live").doesNotContain("stale");
        for (String field : List.of("bid", "ask", "last", "bidSize", "askSize", "lastSize")) {
            assertThat(cell(AAPL, field).getText()).as(field).matches("[0-9][0-9,.]*");
        }
        assertThat(browser.findElement(By.id("stream-state")).getText()).contains("streaming");

        // PnL: the picked account's and each of its positions', from the pnl topics
        wait.until(d -> "shown".equals(page.dataState("pnl-summary")));
        assertThat(browser.findElement(By.id("pnl-summary")).getText())
                .contains("DU1111111", "Daily PnL", "Unrealized PnL", "Realized PnL");
        int positions = (int) page.api("/api/v1/positions")
                .get("positions")
                .valueStream()
                .filter(p -> p.get("accountId").asString().equals("DU1111111"))
                .count();
        assertThat(page.rows("pnl-positions")).hasSize(positions);
        wait.until(
                d -> page.rows("pnl-positions").stream().allMatch(r -> "shown".equals(r.getAttribute("data-state"))));
        chromium.screenshot(SCREENSHOTS.resolve("live.png"));

        // the feed goes silent: once the gateway's clock is past stale-after, the row says so
        simulator.marketData().stopTicking(true);
        clock.advance(Duration.ofSeconds(6));
        wait.until(d -> "stale".equals(quoteRow(AAPL).getAttribute("data-state")));
        assertThat(quoteRow(AAPL).getText()).contains("stale");
        chromium.screenshot(SCREENSHOTS.resolve("live-stale.png"));
        simulator.marketData().stopTicking(false);
        wait.until(d -> "fresh".equals(quoteRow(AAPL).getAttribute("data-state")));

        // the key travelled in a header only, and the page logged nothing
        assertThat(browser.getCurrentUrl()).doesNotContain(KEY);
        assertQuietConsole();
    }

    @Test
    void aJobStartedFromThePageShowsItsProgressBarReaching100PercentAndAnotherIsCancelled() {
        page.openWithKey();
        chromium.consoleSinceLastCall(); // the refused calls made before the key was entered
        startJob(AAPL + ", " + MSFT, "1 min", "2026-03-02", "2026-03-05");
        String id = lastStartedJob();
        wait.until(d -> "DONE".equals(jobRow(id).getAttribute("data-state")));
        WebElement done = jobRow(id);
        assertThat(done.findElement(By.tagName("progress")).getAttribute("value"))
                .isEqualTo("100");
        JsonNode job = page.api("/api/v1/history/jobs/" + id);
        assertThat(job.get("state").asString()).isEqualTo("DONE");
        assertThat(done.getText())
                .contains(
                        "100.0 %",
                        job.get("requestsDone").asInt() + " / "
                                + job.get("requestsTotal").asInt());
        assertThat(job.get("barsStored").asLong()).isPositive();
        // the bar moved with the job's own event stream (progress ... end), not only with the list's polling
        assertThat(Integer.parseInt(done.getAttribute("data-streamed"))).isGreaterThanOrEqualTo(2);
        chromium.screenshot(SCREENSHOTS.resolve("history-jobs.png"));

        // a long job, cancelled from its row
        startJob(Integer.toString(AAPL), "1 min", "2025-06-02", "2026-02-02");
        String longJob = lastStartedJob();
        wait.until(d -> List.of("QUEUED", "RUNNING").contains(jobRow(longJob).getAttribute("data-state")));
        jobRow(longJob).findElement(By.cssSelector("button.cancel")).click();
        wait.until(d -> "CANCELLED".equals(jobRow(longJob).getAttribute("data-state")));
        assertThat(page.api("/api/v1/history/jobs/" + longJob).get("state").asString())
                .isEqualTo("CANCELLED");
        assertThat(Double.parseDouble(jobRow(longJob).getAttribute("data-percent")))
                .isLessThan(100);
        assertQuietConsole();
    }

    /** Nothing at warning level or above in the browser's console (errors, CSP violations, failed loads). */
    private void assertQuietConsole() {
        List<LogEntry> console = chromium.consoleSinceLastCall();
        assertThat(console)
                .as("browser console: %s", console)
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());
    }

    @Test
    void ordersPlacedThroughTheApiShowInTheBlotterThroughToFilledAndCancelled() {
        page.openWithKey();
        wait.until(d -> browser.findElement(By.id("blotter-state")).getText().contains("streaming"));
        chromium.consoleSinceLastCall(); // the refused calls made before the key was entered
        watch(Integer.toString(AAPL)); // for the whole-page picture at the end
        Http http = new Http(port);

        HttpResponse<String> placed = http.sendJson(
                "POST",
                "/api/v1/orders",
                "{\"account\":\"DU1111111\",\"conId\":" + AAPL
                        + ",\"action\":\"BUY\",\"quantity\":10,\"orderType\":\"MKT\"}",
                "X-API-Key",
                KEY,
                "Idempotency-Key",
                "console-blotter-mkt");
        assertThat(placed.statusCode()).as(placed.body()).isIn(200, 201, 202);
        int filled = JSON.readTree(placed.body()).get("id").asInt();
        wait.until(d -> "Filled".equals(orderRow(filled).getAttribute("data-status")));
        JsonNode order = page.api("/api/v1/orders/" + filled);
        assertThat(order.get("status").asString()).isEqualTo("Filled");
        assertThat(orderRow(filled).getText()).contains("AAPL", "BUY", "MKT", "Filled");
        assertThat(orderRow(filled).getAttribute("data-statuses")).endsWith("Filled");
        wait.until(d -> !fillRows(filled).isEmpty()
                && !fillRows(filled).get(0).getAttribute("data-commission").isEmpty());
        assertThat(fillRows(filled).get(0).getText()).contains("AAPL", "BOT", "10");

        // a limit far below the market works until it is cancelled
        HttpResponse<String> resting = http.sendJson(
                "POST",
                "/api/v1/orders",
                "{\"account\":\"DU1111111\",\"conId\":" + AAPL
                        + ",\"action\":\"BUY\",\"quantity\":5,\"orderType\":\"LMT\",\"limitPrice\":1.00}",
                "X-API-Key",
                KEY,
                "Idempotency-Key",
                "console-blotter-lmt");
        int working = JSON.readTree(resting.body()).get("id").asInt();
        wait.until(d ->
                List.of("Submitted", "PreSubmitted").contains(orderRow(working).getAttribute("data-status")));
        chromium.screenshot(SCREENSHOTS.resolve("blotter-working.png"));
        assertThat(http.send("DELETE", "/api/v1/orders/" + working, "X-API-Key", KEY)
                        .statusCode())
                .isEqualTo(200);
        wait.until(d -> "Cancelled".equals(orderRow(working).getAttribute("data-status")));
        assertThat(orderRow(working).getAttribute("data-statuses"))
                .contains("Submitted")
                .endsWith("Cancelled");
        page.script("document.getElementById('blotter').scrollIntoView()");
        chromium.screenshot(SCREENSHOTS.resolve("blotter.png"));
        wait.until(d -> "fresh".equals(quoteRow(AAPL).getAttribute("data-state"))
                && "shown".equals(page.dataState("pnl-summary")));
        wholePage("console-full.png"); // README's picture (docs/console.png)

        assertQuietConsole();
    }

    private WebElement orderRow(int id) {
        return browser.findElement(By.cssSelector("#orders tr[data-order-id='" + id + "']"));
    }

    private List<WebElement> fillRows(int orderId) {
        return browser.findElements(By.cssSelector("#fills tr[data-order-id='" + orderId + "']"));
    }

    /**
     * The stream reader, run in the page against a scripted fetch: events split across chunks with CRLF and CR line
     * ends, comments, multi-line data; after the stream closes it reconnects with Last-Event-ID, each wait longer;
     * a 401 stops it. The API key travels in X-API-Key, never in the URL.
     */
    @Test
    void theStreamReaderParsesChunksResumesWithLastEventIdAndBacksOff() {
        browser.get(page.url());
        page.script("sessionStorage.setItem('traderGateway.apiKey', arguments[0])", KEY);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>)
                ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(READER_SCRIPT);
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) result.get("events");
        assertThat(events)
                .containsExactly(
                        "quote|7|{\"a\":1}",
                        "pnl|8|line one\nline two",
                        "message|9|x",
                        "end|10|{\"reason\":\"shutdown\"}",
                        "quote|11|{\"b\":2}");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> calls = (List<Map<String, Object>>) result.get("calls");
        assertThat(calls).hasSize(4);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.get("url"))
                    .isEqualTo("/stream-under-test?topics=quotes%3A1")
                    .asString()
                    .doesNotContain(KEY);
            assertThat(call.get("key")).isEqualTo(KEY);
        });
        assertThat(calls.get(0).get("lastEventId")).isNull();
        assertThat(calls.get(1).get("lastEventId")).isEqualTo("10");
        assertThat(calls.get(2).get("lastEventId")).isEqualTo("11");
        assertThat(calls.get(3).get("lastEventId")).isEqualTo("11");
        // waits: the stream's retry field (20 ms, floored at 100 ms) replaced the 10 ms minimum, and the wait
        // doubles after each failed attempt, jittered within its upper half: at least 50 ms, then at least 100 ms
        double firstWait = ((Number) calls.get(2).get("after")).doubleValue();
        double secondWait = ((Number) calls.get(3).get("after")).doubleValue();
        assertThat(firstWait).isGreaterThanOrEqualTo(50);
        assertThat(secondWait).isGreaterThanOrEqualTo(100);
        assertThat(result.get("states").toString())
                .contains("ended by the gateway (shutdown); reconnecting", "API key refused");
    }

    /**
     * Drives sse.js's follow() with a scripted fetch: call 1 streams events in awkward chunks then closes; call 2
     * gives one more event and closes; call 3 answers 503; call 4 answers 401 (the reader stops for good).
     */
    private static final String READER_SCRIPT = """
            const done = arguments[arguments.length - 1];
            import('/console/js/sse.js').then(({ follow }) => {
            const events = [], calls = [], states = [];
            const realFetch = window.fetch;
            let last = performance.now();
            const body = (chunks) => new ReadableStream({ start(c) {
              const enc = new TextEncoder(); chunks.forEach((t) => c.enqueue(enc.encode(t))); c.close(); } });
            const answers = [
              () => new Response(body([': heartbeat\\r\\nid: 7\\r\\nevent: quo', 'te\\r\\ndata: {"a":1}\\r\\n\\r',
                '\\nid: 8\\revent: pnl\\rdata: line one\\rdata:line two\\r\\r', 'id: 9\\ndata: x\\n\\n',
                'id: 10\\nevent: end\\ndata: {"reason":"shutdown"}\\n\\n']), { status: 200 }),
              () => new Response(body(['retry: 20\\nid: 11\\nevent: quote\\ndata: {"b":2}\\n\\n']), { status: 200 }),
              () => new Response('{"title":"Service Unavailable"}', { status: 503 }),
              () => new Response('{"title":"Unauthorized"}', { status: 401 }),
            ];
            window.fetch = (url, init) => {
              if (!String(url).startsWith('/stream-under-test')) return realFetch(url, init);
              const now = performance.now();
              calls.push({ url: String(url), key: init.headers['X-API-Key'],
                lastEventId: init.headers['Last-Event-ID'] || null, after: now - last });
              last = now;
              const answer = answers[calls.length - 1];
              if (calls.length === answers.length) setTimeout(() => done({ events, calls, states }), 200);
              return Promise.resolve(answer());
            };
            follow('/stream-under-test?topics=quotes%3A1',
              { onEvent: (e) => events.push(e.type + '|' + e.id + '|' + e.data), onState: (t) => states.push(t) },
              { minDelayMs: 10, maxDelayMs: 1000 });
            });
            """;

    /** A screenshot of the whole page: the window is made as tall as the page for it. */
    private void wholePage(String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) page.script("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) height + 140));
        chromium.screenshot(SCREENSHOTS.resolve(name));
        browser.manage().window().setSize(before);
    }

    private void watch(String contract) {
        int before = page.rows("quotes").size();
        page.type(By.id("q-contract"), contract);
        browser.findElement(By.cssSelector("#quote-form button[type=submit]")).click();
        wait.until(d -> page.rows("quotes").size() == before + 1);
    }

    private WebElement quoteRow(int conId) {
        return browser.findElement(By.cssSelector("#quotes tr[data-con-id='" + conId + "']"));
    }

    private WebElement cell(int conId, String field) {
        return quoteRow(conId).findElement(By.cssSelector("[data-field='" + field + "']"));
    }

    private void startJob(String contracts, String barSize, String from, String to) {
        page.type(By.id("j-contracts"), contracts);
        new Select(browser.findElement(By.id("j-barSize"))).selectByValue(barSize);
        WebElement rth = browser.findElement(By.id("j-useRth"));
        if (rth.isSelected()) {
            rth.click();
        }
        page.script(
                "document.getElementById('j-start').value = arguments[0];"
                        + "document.getElementById('j-end').value = arguments[1]",
                from,
                to);
        String before = browser.findElement(By.id("jobs")).getAttribute("data-last-started");
        browser.findElement(By.cssSelector("#job-form button[type=submit]")).click();
        wait.until(d -> {
            String now = browser.findElement(By.id("jobs")).getAttribute("data-last-started");
            return now != null && !now.equals(before);
        });
    }

    private String lastStartedJob() {
        String id = browser.findElement(By.id("jobs")).getAttribute("data-last-started");
        wait.until(d -> !browser.findElements(By.cssSelector("#jobs tr[data-job-id='" + id + "']"))
                .isEmpty());
        return id;
    }

    private WebElement jobRow(String id) {
        return browser.findElement(By.cssSelector("#jobs tr[data-job-id='" + id + "']"));
    }
}
