package io.tradergateway.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the gateway knows it, kept live from TWS: status is TWS's (PendingSubmit, PreSubmitted, Submitted,
 * PendingCancel, Cancelled, Filled, Inactive) or the gateway's own: UNKNOWN (sent, socket lost before TWS
 * answered; reconciliation settles it), Rejected (TWS refused it, see ibCode / rejectReason), NotFound
 * (reconciliation found no trace of it at TWS).
 */
@Schema(description = "An order and its state as TWS reports it")
public record OrderView(
        @Schema(example = "1001") int id,
        @Schema(example = "rebalance-2026-12-02-1") String idempotencyKey,
        @Schema(example = "1376327563") long permId,
        @Schema(example = "DU1111111") String account,
        @Schema(example = "265598") int conId,
        @Schema(example = "AAPL") String symbol,
        @Schema(example = "BUY") String action,
        @Schema(example = "10") BigDecimal quantity,
        @Schema(example = "LMT") String orderType,
        @Schema(example = "190.25") Double limitPrice,
        @Schema(example = "185.0") Double auxPrice,
        @Schema(example = "DAY") String tif,
        @Schema(example = "Submitted") String status,
        @Schema(example = "4") BigDecimal filled,
        @Schema(example = "6") BigDecimal remaining,
        @Schema(example = "190.2") Double avgFillPrice,
        @Schema(example = "190.2") Double lastFillPrice,

        @Schema(description = "IB's warning text (code 399)", example = "")
        String warning,

        @Schema(description = "IB's code when TWS refused it", example = "201")
        Integer ibCode,

        @Schema(description = "IB's reason when TWS refused it", example = "")
        String rejectReason,

        @Schema(description = "parent order id of a bracket leg", example = "0")
        int parentId,

        @Schema(description = "order ids of the bracket legs")
        List<Integer> children,

        @Schema(description = "when the gateway last heard of it")
        Instant updatedAt) {}
