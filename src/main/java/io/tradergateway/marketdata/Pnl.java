package io.tradergateway.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Profit and loss as TWS reports it (reqPnL for an account, reqPnLSingle for one position). Values TWS does not
 * have are absent.
 *
 * @param conId the position's contract, absent for the account
 * @param position the position (one-position PnL only)
 * @param value the position's market value (one-position PnL only)
 */
public record Pnl(
        @Schema(example = "DU1111111") String account,
        Integer conId,
        @Schema(example = "125.40") Double daily,
        @Schema(example = "5310.00") Double unrealized,
        @Schema(example = "0") Double realized,
        BigDecimal position,
        Double value,
        Instant asOf) {}
