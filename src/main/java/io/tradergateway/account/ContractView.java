package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * The contract of a position or portfolio row as TWS describes it. {@code expiry}, {@code strike} and
 * {@code right} appear only where they apply (futures and options). {@code multiplier} is the effective one:
 * TWS leaves it blank for stocks and forex, which means 1.
 */
public record ContractView(
        @Schema(example = "265598") int conId,
        @Schema(example = "AAPL") String symbol,

        @Schema(example = "STK", description = "STK, OPT, FUT, CASH, ...")
        String secType,

        @Schema(example = "SMART", description = "exchange (from positions), else the primary exchange")
        String exchange,

        @Schema(example = "USD") String currency,
        @Schema(example = "AAPL") String localSymbol,
        @Schema(example = "NMS") String tradingClass,
        @Schema(example = "1") BigDecimal multiplier,

        @Schema(example = "20261218", description = "last trade date or contract month")
        String expiry,

        @Schema(example = "200") BigDecimal strike,
        @Schema(example = "C", description = "C or P") String right) {}
