package io.tradergateway.status;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code ibStatus}: whether IB's status page reports anything that affects what this gateway trades. Reads
 * the cached scrape only, so a probe never waits for IB's web site. UP, DOWN (relevant outage), MAINTENANCE
 * (a reset window or scheduled maintenance: its own state, not an outage) or UNKNOWN (no usable page); UP
 * with a visible detail while TRADER_CHECK has turned the check off.
 */
final class IbStatusHealthIndicator extends AbstractHealthIndicator {

    /** Ordered between OUT_OF_SERVICE and UNKNOWN in management.endpoint.health.status.order. */
    static final Status MAINTENANCE = new Status("MAINTENANCE", "IB maintenance");

    private final IbStatusService service;

    IbStatusHealthIndicator(IbStatusService service) {
        super("IB status check failed");
        this.service = service;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        IbStatusReport report = service.report();
        builder.status(report.status())
                .withDetail("state", report.state().name())
                .withDetail("detail", report.detail())
                .withDetail("checkEnabled", report.traderCheck().enabled());
        if (!report.traderCheck().enabled()) {
            builder.withDetail(
                    "traderCheck",
                    TraderCheck.VARIABLE + "=" + report.traderCheck().value());
        }
        putIfPresent(builder, "pageUpdated", report.pageUpdated());
        putIfPresent(builder, "scrapedAt", report.scrapedAt());
        putIfPresent(builder, "scrapeAgeSeconds", report.scrapeAgeSeconds());
        putIfPresent(builder, "lastError", report.lastError());
        putIfPresent(builder, "lastErrorAt", report.lastErrorAt());
        builder.withDetail("circuitBreaker", report.circuitBreaker())
                .withDetail("relevant", report.relevant())
                .withDetail("irrelevant", report.irrelevant());
        putIfPresent(builder, "maintenanceNow", report.maintenance().now());
        putIfPresent(builder, "maintenanceNext", report.maintenance().next());
    }

    private static void putIfPresent(Health.Builder builder, String key, Object value) {
        if (value != null) {
            builder.withDetail(key, value);
        }
    }
}
