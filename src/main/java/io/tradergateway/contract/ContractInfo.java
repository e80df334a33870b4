package io.tradergateway.contract;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tradergateway.tws.wire.ContractDetails;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A contract as the API shows it: what identifies it (conId), how to describe it, and the trading facts
 * clients need (tick, hours, exchanges). Absent values are left out of the JSON.
 */
public record ContractInfo(
        @Schema(example = "265598") int conId,
        @Schema(example = "AAPL") String symbol,
        @Schema(example = "STK") String secType,
        @Schema(example = "SMART") String exchange,
        @Schema(example = "NASDAQ") String primaryExchange,
        @Schema(example = "USD") String currency,
        @Schema(example = "AAPL") String localSymbol,
        @Schema(example = "NMS") String tradingClass,
        String multiplier,

        @Schema(description = "yyyyMMdd or yyyyMM for derivatives")
        String expiry,

        BigDecimal strike,
        @Schema(allowableValues = {"C", "P"}) String right,
        @Schema(example = "APPLE INC") String longName,
        @Schema(example = "0.01") BigDecimal minTick,
        List<String> validExchanges,
        @Schema(example = "US/Eastern") String timeZoneId,
        String tradingHours,
        String liquidHours,
        String industry,
        String category,
        String stockType) {

    static ContractInfo of(ContractDetails d) {
        return new ContractInfo(
                d.conId(),
                d.symbol(),
                d.secType(),
                d.exchange(),
                blankToNull(d.primaryExchange()),
                d.currency(),
                blankToNull(d.localSymbol()),
                blankToNull(d.tradingClass()),
                blankToNull(d.multiplier()),
                blankToNull(d.lastTradeDateOrContractMonth()),
                d.strike() == 0 ? null : BigDecimal.valueOf(d.strike()),
                blankToNull(d.right()),
                blankToNull(d.longName()),
                BigDecimal.valueOf(d.minTick()),
                d.validExchanges().isBlank()
                        ? List.of()
                        : Arrays.asList(d.validExchanges().split(",")),
                blankToNull(d.timeZoneId()),
                blankToNull(d.tradingHours()),
                blankToNull(d.liquidHours()),
                blankToNull(d.industry()),
                blankToNull(d.category()),
                blankToNull(d.stockType()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
