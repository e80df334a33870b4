package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An account's summary values (reqAccountSummary), each with its currency. A value TWS did not report is
 * absent.
 *
 * @param asOf when the summary values were last updated from TWS
 * @param stale true when the values are not being kept current right now (see {@link PositionsResponse})
 * @param resyncing true while a fresh download is under way; the previous values are served
 */
public record SummaryResponse(
        @Schema(example = "DU1111111") String accountId,
        @Schema(example = "INDIVIDUAL") String accountType,
        @Schema(example = "USD") String baseCurrency,
        Money netLiquidation,
        Money totalCash,
        Money buyingPower,
        Money availableFunds,
        Money excessLiquidity,
        Money grossPositionValue,
        Money maintenanceMargin,
        Money initialMargin,
        @Schema(example = "2026-11-26T15:00:00Z") Instant asOf,
        boolean stale,
        boolean resyncing) {}
