package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache around the scrape: last good page and its age, staleness, circuit breaker, windows, TRADER_CHECK. */
class IbStatusServiceTest {

    private final FixtureServer server = new FixtureServer();
    private final MutableClock clock = new MutableClock(TestSetup.WEDNESDAY_MORNING);
    private final AtomicReference<FixtureServer.Answer> page =
            new AtomicReference<>(FixtureServer.fixture("no-problems.html"));

    IbStatusServiceTest() {
        server.on("/status", exchange -> page.get().send(exchange));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private IbStatusService service(TraderCheck check) {
        return TestSetup.service(TestSetup.settings(server.uri("/status"), TestSetup.INTEREST), clock, check);
    }

    private void serve(String fixture) {
        page.set(FixtureServer.fixture(fixture));
    }

    private void serveError() {
        page.set(FixtureServer.body(500, "oops"));
    }

    @Test
    void beforeTheFirstScrapeTheCheckIsUnknown() {
        IbStatusReport report = service(TraderCheck.of(null)).report();

        assertThat(report.status()).isEqualTo("UNKNOWN");
        assertThat(report.detail()).contains("no successful scrape");
    }

    @Test
    void reportsReadTheCacheAndNeverFetch() {
        IbStatusService service = service(TraderCheck.of(null));
        service.refresh();
        page.set(server.stallBeforeHeaders());

        for (int i = 0; i < 50; i++) {
            assertThat(service.report().status()).isEqualTo("UP");
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aFailedScrapeKeepsTheLastGoodPageWithItsAge() {
        IbStatusService service = service(TraderCheck.of(null));
        serve("system-outage.html");
        service.refresh();
        clock.advance(Duration.ofMinutes(2));
        serveError();

        service.refresh();

        IbStatusReport report = service.report();
        assertThat(report.status()).isEqualTo("DOWN");
        assertThat(report.scrapeAgeSeconds()).isEqualTo(120L);
        assertThat(report.scrapedAt()).isEqualTo(TestSetup.WEDNESDAY_MORNING);
        assertThat(report.lastError()).isEqualTo("HTTP 500 from 127.0.0.1");
    }

    @Test
    void theLastGoodPageIsNotTrustedPastMaxAge() {
        IbStatusService service = service(TraderCheck.of(null));
        service.refresh();
        serveError();
        clock.advance(Duration.ofMinutes(9));
        service.refresh();
        assertThat(service.report().status()).isEqualTo("UP");

        clock.advance(Duration.ofMinutes(2));

        IbStatusReport report = service.report();
        assertThat(report.status()).isEqualTo("UNKNOWN");
        assertThat(report.detail()).contains("660 s old", "HTTP 500");
        assertThat(report.relevant()).isEmpty();
    }

    @Test
    void aSuccessfulScrapeClearsTheError() {
        IbStatusService service = service(TraderCheck.of(null));
        serveError();
        service.refresh();
        serve("no-problems.html");

        service.refresh();

        assertThat(service.report().lastError()).isNull();
        assertThat(service.report().status()).isEqualTo("UP");
    }

    @Test
    void repeatedFailuresOpenTheCircuitBreakerWhichStopsFetchingUntilItsWaitIsOver() {
        CircuitBreaker breaker = TestSetup.circuitBreaker(clock);
        IbStatusProperties settings = TestSetup.settings(server.uri("/status"), TestSetup.INTEREST);
        IbStatusService service =
                new IbStatusService(settings, new StatusPageFetcher(settings), breaker, clock, TraderCheck.of(null));
        serveError();
        for (int i = 0; i < 3; i++) {
            service.refresh();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        service.refresh();
        assertThat(server.requests()).isEqualTo(3);
        assertThat(service.report().lastError()).contains("circuit breaker is open");
        assertThat(service.report().circuitBreaker()).isEqualTo("OPEN");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        serve("no-problems.html");
        service.refresh();

        assertThat(server.requests()).isEqualTo(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(service.report().status()).isEqualTo("UP");
    }

    @Test
    void aMaintenanceWindowIsReportedAsMaintenanceNotAsAnOutage() {
        IbStatusService service = service(TraderCheck.of(null));
        clock.set(Instant.parse("2026-05-06T04:30:00Z")); // 00:30 EDT, daily reset
        service.refresh();

        IbStatusReport report = service.report();

        assertThat(report.status()).isEqualTo("MAINTENANCE");
        assertThat(report.state()).isEqualTo(IbStatusState.MAINTENANCE);
        assertThat(report.detail()).contains("daily reset (North America)");
        assertThat(report.maintenance().now().end()).isEqualTo(Instant.parse("2026-05-06T05:45:00Z"));
    }

    @Test
    void aRelevantOutageDuringAWindowIsStillAnOutage() {
        IbStatusService service = service(TraderCheck.of(null));
        clock.set(Instant.parse("2026-05-06T04:30:00Z"));
        serve("system-outage.html");
        service.refresh();

        assertThat(service.report().status()).isEqualTo("DOWN");
    }

    @Test
    void outsideWindowsTheNextWindowIsReported() {
        IbStatusService service = service(TraderCheck.of(null));
        service.refresh();

        IbStatusReport report = service.report();

        assertThat(report.maintenance().now()).isNull();
        assertThat(report.maintenance().next().start()).isEqualTo(Instant.parse("2026-05-07T04:15:00Z"));
    }

    @Test
    void traderCheckOffReportsUpAndSaysSoWhateverThePageSays() {
        IbStatusService service = service(TraderCheck.of("False"));
        serve("system-outage.html");
        service.refresh();

        IbStatusReport report = service.report();

        assertThat(report.status()).isEqualTo("UP");
        assertThat(report.state()).isEqualTo(IbStatusState.OUTAGE);
        assertThat(report.detail())
                .startsWith("IB status-page check disabled by TRADER_CHECK=False")
                .contains("relevant outage");
        assertThat(new IbStatusHealthIndicator(service).health().getDetails())
                .containsEntry("checkEnabled", false)
                .containsEntry("traderCheck", "TRADER_CHECK=False");
    }
}
