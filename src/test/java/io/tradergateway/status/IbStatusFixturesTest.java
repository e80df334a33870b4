package io.tradergateway.status;

import static io.tradergateway.status.FixtureServer.body;
import static io.tradergateway.status.FixtureServer.fixture;
import static io.tradergateway.status.FixtureServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.unit.DataSize;

/** Every fixture and failure, served over real HTTP on loopback, through fetch, parse, judge and indicator. */
class IbStatusFixturesTest {

    private final FixtureServer server = new FixtureServer();
    private final MutableClock clock = new MutableClock(TestSetup.WEDNESDAY_MORNING);

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Health scrape(IbStatusProperties settings) {
        IbStatusService service = TestSetup.service(settings, clock, TraderCheck.of(null));
        service.refresh();
        return new IbStatusHealthIndicator(service).health();
    }

    private Health scrape(String path) {
        return scrape(TestSetup.settings(server.uri(path), TestSetup.INTEREST));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "no-problems.html, UP",
        "system-outage.html, DOWN",
        "exchange-outage-of-interest.html, DOWN",
        "exchange-outage-not-of-interest.html, UP",
        "maintenance.html, MAINTENANCE",
        "information.html, UP",
        "normal-operations.html, UP",
        "resolved.html, UP",
        "unknown-colour.html, UNKNOWN",
        "bgcolor-outage.html, DOWN",
        "bgcolor-resolved.html, UP",
        "multi-section.html, MAINTENANCE",
        "missing-section.html, UNKNOWN",
        "changed-layout.html, UNKNOWN",
        "garbage.html, UNKNOWN"
    })
    void eachFixtureGivesTheExpectedIndicatorStatus(String fixture, String expected) {
        server.on("/status", fixture(fixture));

        Health health = scrape("/status");

        assertThat(health.getStatus().getCode()).isEqualTo(expected);
        assertThat(health.getDetails()).containsEntry("checkEnabled", true).containsKey("detail");
    }

    @Test
    void withoutExchangesOfInterestEveryExchangeOutageCounts() {
        server.on("/status", fixture("exchange-outage-not-of-interest.html"));

        Health health = scrape(TestSetup.settings(server.uri("/status"), List.of()));

        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
    }

    @Test
    void anIrrelevantOutageIsADetailNotAFailure() {
        server.on("/status", fixture("exchange-outage-not-of-interest.html"));

        Health health = scrape("/status");

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails().get("relevant")).asList().isEmpty();
        assertThat(health.getDetails().get("irrelevant"))
                .asList()
                .singleElement()
                .satisfies(m -> assertThat(((StatusMessage) m).messageId()).isEqualTo(791L));
        assertThat(health.getDetails()).containsEntry("pageUpdated", "2026/05/06 10:42:17 EDT");
    }

    @Test
    void aRelevantOutageNamesTheMessage() {
        server.on("/status", fixture("exchange-outage-of-interest.html"));

        Health health = scrape("/status");

        assertThat(health.getDetails().get("detail")).asString().contains("relevant outage: To NYSE Traders:");
        assertThat(health.getDetails().get("relevant")).asList().hasSize(1);
    }

    @Test
    void anEmptyBodyIsUnknown() {
        server.on("/status", body(200, ""));

        Health health = scrape("/status");

        assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
        assertThat(health.getDetails().get("lastError")).asString().contains("was empty");
    }

    @ParameterizedTest
    @CsvSource({"403", "500", "404"})
    void httpErrorsAreUnknownWithTheCode(int code) {
        server.on("/status", body(code, "<html><body>Forbidden</body></html>"));

        Health health = scrape("/status");

        assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
        assertThat(health.getDetails().get("lastError")).isEqualTo("HTTP " + code + " from 127.0.0.1");
        assertThat(health.getDetails().get("detail")).asString().contains("no successful scrape");
    }

    private Health scrapeWithShortTimeout(String path) {
        return scrape(TestSetup.settings(
                server.uri(path), TestSetup.INTEREST, Duration.ofMillis(300), DataSize.ofMegabytes(2)));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.on("/status", server.stallBeforeHeaders());

        Health health = scrapeWithShortTimeout("/status");

        assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
        assertThat(health.getDetails().get("lastError")).asString().containsAnyOf("timed out", "within");
    }

    @Test
    void aServerThatStallsInTheBodyIsCutOffByTheDeadline() {
        server.on("/status", server.stallInBody());
        long started = System.nanoTime();

        Health health = scrapeWithShortTimeout("/status");

        // the deadline is connect-timeout + read-timeout (2.3 s), far below the 30 s the server would stall
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
        assertThat(health.getDetails().get("lastError")).asString().contains("no complete answer");
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        server.on("/status", body(200, "<html><body>" + "x".repeat(64 * 1024) + "</body></html>"));

        Health health = scrape(TestSetup.settings(
                server.uri("/status"), TestSetup.INTEREST, Duration.ofSeconds(2), DataSize.ofKilobytes(16)));

        assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
        assertThat(health.getDetails().get("lastError")).asString().contains("larger than the 16384-byte limit");
    }

    @Test
    void redirectsOffSiteAreRefused() {
        server.on("/status", redirect("https://status.example.invalid/systemStatus.php"));

        Health health = scrape("/status");

        assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
        assertThat(health.getDetails().get("lastError"))
                .asString()
                .contains("refused redirect off-site", "status.example.invalid");
    }

    @Test
    void redirectsWithinTheSiteAreFollowed() {
        server.on("/old", redirect("/en/software/systemStatus.php"))
                .on("/en/software/systemStatus.php", fixture("no-problems.html"));

        Health health = scrape("/old");

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void fetchesLookLikeABrowser() {
        server.on("/status", fixture("no-problems.html"));

        scrape("/status");

        assertThat(server.userAgents()).singleElement().asString().startsWith("Mozilla/5.0");
    }
}
