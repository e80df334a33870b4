package io.tradergateway.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The market-data part of {@code GET /api/v1/status}.
 *
 * @param maxLines the gateway's line budget (gateway.market-data.max-lines)
 * @param openLines lines open at TWS now (watched or lingering)
 * @param watchedLines lines somebody watches
 * @param staleConIds contracts whose line has had no tick for gateway.market-data.stale-after
 * @param requestedType what the gateway asks TWS for now (delayed after a fallback)
 */
public record MarketDataStatus(
        @Schema(example = "100") int maxLines,
        @Schema(example = "3") int openLines,
        @Schema(example = "2") int watchedLines,
        List<Integer> staleConIds,

        @Schema(allowableValues = {"live", "frozen", "delayed", "delayed-frozen"})
        String requestedType) {}
