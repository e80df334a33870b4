package io.tradergateway.status;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tradergateway.status.MaintenanceSchedule.Maintenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes IB's status page into a cache and judges it. {@link #refresh()} is the only method that does I/O;
 * it runs on the refresher's schedule (or a test's thread), never on a request or probe. {@link #report()}
 * only reads the cache and the clock.
 *
 * <p>Fetches go through the {@code ibStatus} circuit breaker (configured in YAML), so a page that keeps
 * failing is left alone for a while. A failed scrape keeps the last good page; that page is trusted for
 * {@code max-age}, after which the check is UNKNOWN rather than silently UP on old news.
 */
final class IbStatusService {

    static final String CIRCUIT_BREAKER = "ibStatus";

    private static final Logger log = LoggerFactory.getLogger(IbStatusService.class);

    private final IbStatusProperties settings;
    private final StatusPageFetcher fetcher;
    private final StatusPageParser parser;
    private final Relevance relevance;
    private final MaintenanceSchedule schedule;
    private final CircuitBreaker circuitBreaker;
    private final Clock clock;
    private final TraderCheck traderCheck;
    private final AtomicReference<Scrape> scrape = new AtomicReference<>(Scrape.NONE);

    IbStatusService(
            IbStatusProperties settings,
            StatusPageFetcher fetcher,
            CircuitBreaker circuitBreaker,
            Clock clock,
            TraderCheck traderCheck) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.circuitBreaker = circuitBreaker;
        this.clock = clock;
        this.traderCheck = traderCheck;
        List<String> named = new ArrayList<>(settings.exchanges());
        named.addAll(settings.ignoredExchanges());
        this.parser = new StatusPageParser(new ExchangeNames(named));
        this.relevance = new Relevance(settings.exchanges(), settings.ignoredExchanges());
        this.schedule = new MaintenanceSchedule(settings.maintenanceWindows());
    }

    /** Fetches and parses the page once. Never throws: a failure is recorded and the last good page kept. */
    void refresh() {
        Instant started = clock.instant();
        try {
            StatusPage page = circuitBreaker.executeCheckedSupplier(this::fetchAndParse);
            scrape.updateAndGet(s -> s.succeeded(page, started));
        } catch (CallNotPermittedException e) {
            failed(started, "not fetched: the circuit breaker is open after repeated failures");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down
        } catch (StatusPageFetchException e) {
            failed(started, e.getMessage());
        } catch (Throwable e) { // the schedule must survive anything a scrape does
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            log.warn("IB status scrape failed unexpectedly", e);
            failed(started, "unexpected failure while scraping; see the gateway log");
        }
    }

    private StatusPage fetchAndParse() throws StatusPageFetchException, InterruptedException {
        FetchedPage fetched = fetcher.fetch(settings.url());
        StatusPage page =
                parser.parse(fetched.body(), fetched.charset(), fetched.uri().toString());
        if (!page.recognised()) {
            // an error page or captcha served with 200 is a failed scrape, not news: keep the last good page
            throw new StatusPageFetchException(
                    fetched.body().length == 0
                            ? "the page from " + fetched.uri().getHost() + " was empty"
                            : "the answer from " + fetched.uri().getHost() + " is not IB's status page: "
                                    + page.problems().get(0));
        }
        return page;
    }

    private void failed(Instant at, String reason) {
        Scrape before = scrape.getAndUpdate(s -> s.failed(reason, at));
        if (!Objects.equals(before.lastError(), reason)) {
            log.warn("IB status page {}: {}", settings.url(), reason);
        }
    }

    IbStatusReport report() {
        Instant now = clock.instant();
        Scrape current = scrape.get();
        Maintenance maintenance = schedule.at(now);
        Long age = current.succeededAt() == null
                ? null
                : Duration.between(current.succeededAt(), now).toSeconds();
        Assessment assessment = assess(current, age);
        IbStatusState state = assessment.state();
        String detail = assessment.detail();
        if (maintenance.active() && (state == IbStatusState.OK || state == IbStatusState.UNKNOWN)) {
            detail = "IB maintenance window '" + maintenance.now().name() + "' until "
                    + maintenance.now().end() + "; " + detail;
            state = IbStatusState.MAINTENANCE;
        }
        String status = healthStatus(state);
        if (!traderCheck.enabled()) {
            detail = traderCheck.disabledDetail() + "; the page says: " + detail;
            status = "UP";
        }
        return new IbStatusReport(
                status,
                state,
                detail,
                settings.url(),
                current.page() == null ? null : current.page().updated(),
                current.succeededAt(),
                age,
                current.lastError(),
                current.lastErrorAt(),
                circuitBreaker.getState().name(),
                assessment.relevant(),
                assessment.irrelevant(),
                maintenance,
                traderCheck);
    }

    private Assessment assess(Scrape current, Long age) {
        if (current.page() == null) {
            String why = current.lastError() != null
                    ? ": " + current.lastError()
                    : settings.enabled() ? "" : " (scraping is off: gateway.ib-status.enabled=false)";
            return new Assessment(
                    IbStatusState.UNKNOWN,
                    "no successful scrape of the IB status page yet" + why,
                    List.of(),
                    List.of());
        }
        if (age > settings.maxAge().toSeconds()) {
            return new Assessment(
                    IbStatusState.UNKNOWN,
                    "the last good scrape is " + age + " s old (trusted for "
                            + settings.maxAge().toSeconds() + " s); latest failure: " + current.lastError(),
                    List.of(),
                    List.of());
        }
        return Assessment.of(current.page(), relevance);
    }

    static String healthStatus(IbStatusState state) {
        return switch (state) {
            case OK -> "UP";
            case OUTAGE -> "DOWN";
            case MAINTENANCE -> "MAINTENANCE";
            case UNKNOWN -> "UNKNOWN";
        };
    }

    /** The cache: the last good page and the latest failure, replaced atomically. */
    record Scrape(StatusPage page, Instant succeededAt, String lastError, Instant lastErrorAt) {

        static final Scrape NONE = new Scrape(null, null, null, null);

        Scrape succeeded(StatusPage newPage, Instant at) {
            return new Scrape(newPage, at, null, null);
        }

        Scrape failed(String reason, Instant at) {
            return new Scrape(page, succeededAt, reason, at);
        }
    }
}
