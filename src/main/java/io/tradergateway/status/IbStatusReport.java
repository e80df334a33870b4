package io.tradergateway.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tradergateway.status.MaintenanceSchedule.Maintenance;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The IB status check as of one instant, computed from the cached scrape (never fetched on the caller's
 * thread). Read by the {@code ibStatus} health indicator and by {@code GET /api/v1/status}.
 *
 * @param status the health status the check reports: UP, DOWN, MAINTENANCE or UNKNOWN; UP whenever
 *     TRADER_CHECK has turned the check off
 * @param state what the page says, whatever TRADER_CHECK says
 * @param pageUpdated the page's own "Updated" text
 * @param scrapedAt when the page in use was fetched, null if never
 * @param scrapeAgeSeconds age of that page
 * @param lastError why the latest scrape failed, null if it succeeded
 * @param circuitBreaker state of the circuit breaker around fetching (CLOSED, OPEN, HALF_OPEN)
 */
public record IbStatusReport(
        String status,
        IbStatusState state,
        String detail,
        URI url,
        String pageUpdated,
        Instant scrapedAt,
        Long scrapeAgeSeconds,
        String lastError,
        Instant lastErrorAt,
        String circuitBreaker,
        List<StatusMessage> relevant,
        List<StatusMessage> irrelevant,
        @JsonIgnore Maintenance maintenance,
        @JsonIgnore TraderCheck traderCheck) {

    public IbStatusReport {
        relevant = List.copyOf(relevant);
        irrelevant = List.copyOf(irrelevant);
    }
}
