package io.tradergateway.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A bulk job as the API shows it. {@code state}: QUEUED, RUNNING, DONE, FAILED (every contract failed or some
 * did and none is left), CANCELLED. {@code percent} = requestsDone / requestsTotal (chunks already in the store
 * count as done). {@code etaSeconds}: the fastest schedule IB's pacing rules allow for the TWS requests left, or
 * the pace so far when that is slower; null when nothing is left.
 */
public record HistoryJobView(
        @Schema(example = "4f1c2a9be0d3a7c15e62b0f1") String id,

        @Schema(
                example = "RUNNING",
                allowableValues = {"QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"})
        String state,

        @Schema(example = "42.5") double percent,
        @Schema(example = "17") int requestsDone,
        @Schema(example = "40") int requestsTotal,
        @Schema(example = "81234") long barsStored,
        @Schema(example = "230") Long etaSeconds,
        @Schema(example = "[265598, 272093]") List<Integer> conIds,
        @Schema(example = "1 min") String barSize,
        @Schema(example = "TRADES") String whatToShow,
        @Schema(example = "true") boolean useRth,
        @Schema(example = "2026-01-05T00:00:00Z") Instant start,
        @Schema(example = "2026-03-02T00:00:00Z") Instant end,
        @Schema(example = "2026-03-02T10:00:00Z") Instant createdAt,
        List<Part> parts) {

    /** One contract of the job: its progress and its errors. */
    public record Part(
            @Schema(example = "265598") int conId,

            @Schema(
                    example = "RUNNING",
                    allowableValues = {"QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"})
            String state,

            @Schema(example = "9") int requestsDone,
            @Schema(example = "20") int requestsTotal,
            @Schema(example = "40123") long barsStored,
            @Schema(example = "0") int errors,

            @Schema(example = "2026-02-02T00:00:00Z: no permission for this market data")
            String lastError) {}
}
