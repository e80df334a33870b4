package io.tradergateway.history;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tradergateway.contract.ContractDescription;
import java.util.List;

/** The body of {@code POST /api/v1/history/jobs}: a universe (conIds and/or descriptions), the bars and a range. */
public record HistoryJobRequest(
        @Schema(description = "contracts by IB conId", example = "[265598, 272093]")
        List<Integer> conIds,

        @Schema(description = "contracts by description (resolved once, when the job is created)")
        List<ContractDescription> contracts,

        @Schema(description = "bar size, IB's spelling or the short form", example = "1 min")
        String barSize,

        @Schema(
                description = "data type, default TRADES",
                example = "TRADES",
                allowableValues = {
                    "TRADES",
                    "MIDPOINT",
                    "BID",
                    "ASK",
                    "BID_ASK",
                    "HISTORICAL_VOLATILITY",
                    "OPTION_IMPLIED_VOLATILITY"
                })
        String whatToShow,

        @Schema(description = "regular trading hours only, default true", example = "true")
        Boolean useRth,

        @Schema(description = "start of the range, ISO-8601 with zone", example = "2026-01-05T00:00:00Z")
        String start,

        @Schema(
                description = "end of the range (exclusive), ISO-8601 with zone, not in the future",
                example = "2026-03-02T00:00:00Z")
        String end) {}
