package io.tradergateway.tws.wire;

import java.math.BigDecimal;
import java.util.List;

/**
 * The contract part of a contractData message, in the order TWS sends it. Field meanings follow IB's
 * ContractDetails class. {@code lastTradeDateOrContractMonth} is the date (or month) only: TWS may append the
 * last trade time after a space or '-', which IB's clients split off into {@code lastTradeTime} (ibapi 10.41
 * decoder_utils.py setLastTradeDate), and so does {@link LastTradeDate}. {@code fundFields} (only for secType FUND) and {@code ineligibilityReasons} are kept
 * raw because the gateway only passes them on.
 */
public record ContractDetails(
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        String lastTradeDate,
        String lastTradeTime,
        double strike,
        String right,
        String exchange,
        String currency,
        String localSymbol,
        String marketName,
        String tradingClass,
        int conId,
        double minTick,
        String multiplier,
        String orderTypes,
        String validExchanges,
        int priceMagnifier,
        int underConId,
        String longName,
        String primaryExchange,
        String contractMonth,
        String industry,
        String category,
        String subcategory,
        String timeZoneId,
        String tradingHours,
        String liquidHours,
        String evRule,
        double evMultiplier,
        List<TagValue> secIds,
        int aggGroup,
        String underSymbol,
        String underSecType,
        String marketRuleIds,
        String realExpirationDate,
        String stockType,
        BigDecimal minSize,
        BigDecimal sizeIncrement,
        BigDecimal suggestedSizeIncrement,
        List<String> fundFields,
        List<TagValue> ineligibilityReasons) {

    public ContractDetails {
        lastTradeTime = lastTradeTime == null ? "" : lastTradeTime;
        secIds = List.copyOf(secIds);
        fundFields = List.copyOf(fundFields);
        ineligibilityReasons = List.copyOf(ineligibilityReasons);
    }

    /** The contract part as the shared value (contractData interleaves it with its own fields in IB's order). */
    public Contract contract() {
        return new Contract(
                conId,
                symbol,
                secType,
                lastTradeDateOrContractMonth,
                strike,
                right,
                multiplier,
                exchange,
                primaryExchange,
                currency,
                localSymbol,
                tradingClass);
    }
}
