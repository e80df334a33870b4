package io.tradergateway.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One fill (execDetails) joined with its commission report by execId; a correction (same execId stem, new suffix)
 * replaces the fill it corrects. commission and realizedPnl are null until the report arrives (or when IB leaves
 * realized PnL unset: an opening fill).
 */
@Schema(description = "A fill with its commission")
public record ExecutionView(
        @Schema(example = "0000e0d5.6566d8f7.01.01") String execId,
        @Schema(example = "1001") int orderId,
        @Schema(example = "1376327563") long permId,
        @Schema(example = "rebalance-2026-12-02-1") String orderRef,
        @Schema(example = "DU1111111") String account,
        @Schema(example = "265598") int conId,
        @Schema(example = "AAPL") String symbol,

        @Schema(
                example = "BOT",
                allowableValues = {"BOT", "SLD"})
        String side,

        @Schema(example = "10") BigDecimal shares,
        @Schema(example = "190.21") double price,
        @Schema(example = "20261202 15:00:05 UTC") String time,
        @Schema(example = "1.0") Double commission,
        @Schema(example = "USD") String commissionCurrency,
        @Schema(example = "12.5") Double realizedPnl) {}
