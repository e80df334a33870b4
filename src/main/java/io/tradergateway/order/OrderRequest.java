package io.tradergateway.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The body of POST /api/v1/orders and /api/v1/orders/preview: the contract by conId or by description, the
 * order's terms, and an optional bracket (take-profit limit + stop-loss stop, one OCA group, sent with the parent).
 */
@Schema(description = "An order to place (or preview)")
public record OrderRequest(
        @Schema(
                description = "Idempotency key when no Idempotency-Key header is sent",
                example = "rebalance-2026-12-02-1")
        String clientOrderId,

        @Schema(description = "IB contract id; or give symbol (+ secType, exchange, currency)", example = "265598")
        Integer conId,

        @Schema(description = "symbol, when no conId", example = "AAPL")
        String symbol,

        @Schema(
                description = "security type",
                example = "STK",
                allowableValues = {"STK", "FUT", "OPT", "CASH"})
        String secType,

        @Schema(description = "exchange (default SMART)", example = "SMART")
        String exchange,

        @Schema(description = "currency (default USD)", example = "USD")
        String currency,

        @Schema(description = "IB account", example = "DU1111111")
        String account,

        @Schema(
                description = "BUY or SELL",
                example = "BUY",
                allowableValues = {"BUY", "SELL"})
        String action,

        @Schema(description = "quantity; fractional quantities exist", example = "10")
        BigDecimal quantity,

        @Schema(
                description = "IB order type",
                example = "LMT",
                allowableValues = {"MKT", "LMT", "STP", "STP LMT", "TRAIL", "MOC", "LOC"})
        String orderType,

        @Schema(description = "limit price (LMT, STP LMT, LOC)", example = "190.25")
        BigDecimal limitPrice,

        @Schema(description = "stop price (STP, STP LMT) or trailing amount (TRAIL)", example = "185.00")
        BigDecimal auxPrice,

        @Schema(description = "trailing percent (TRAIL, instead of auxPrice)", example = "1.5")
        BigDecimal trailingPercent,

        @Schema(
                description = "time in force (default DAY)",
                example = "DAY",
                allowableValues = {"DAY", "GTC", "IOC", "GTD", "OPG"})
        String tif,

        @Schema(description = "GTD expiry, IB format", example = "20261231 16:00:00 US/Eastern")
        String goodTillDate,

        @Schema(description = "may fill outside regular trading hours", example = "false")
        Boolean outsideRth,

        @Schema(description = "bracket legs: sent as children of this order in one OCA group")
        Bracket bracket) {

    static final Set<String> TYPES = Set.of("MKT", "LMT", "STP", "STP LMT", "TRAIL", "MOC", "LOC");
    static final Set<String> TIFS = Set.of("DAY", "GTC", "IOC", "GTD", "OPG");

    /** Take-profit (a limit order) and stop-loss (a stop order) on the opposite side of the parent. */
    @Schema(description = "Bracket legs")
    public record Bracket(
            @Schema(description = "take-profit limit price", example = "200.00")
            BigDecimal takeProfitLimitPrice,

            @Schema(description = "stop-loss stop price", example = "180.00")
            BigDecimal stopLossPrice) {}
}
