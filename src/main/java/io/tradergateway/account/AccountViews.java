package io.tradergateway.account;

import io.tradergateway.tws.wire.MessageWriter;
import io.tradergateway.tws.wire.PortfolioValue;
import io.tradergateway.tws.wire.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns TWS's wire records into the API's views: doubles become decimals, blanks become absent fields. */
final class AccountViews {

    private AccountViews() {}

    static PositionView position(Position p) {
        ContractView contract = contract(
                p.conId(),
                p.symbol(),
                p.secType(),
                p.exchange(),
                p.currency(),
                p.localSymbol(),
                p.tradingClass(),
                p.multiplier(),
                p.lastTradeDateOrContractMonth(),
                p.strike(),
                p.right());
        return new PositionView(
                p.account(), contract, p.position(), decimal(p.averageCost()), blankToNull(p.currency()));
    }

    /** A portfolio row; the exchange comes from the account's position when known (TWS sends only the primary). */
    static PortfolioRow row(PortfolioValue v, Position position) {
        String exchange =
                position != null && !position.exchange().isBlank() ? position.exchange() : v.primaryExchange();
        ContractView contract = contract(
                v.conId(),
                v.symbol(),
                v.secType(),
                exchange,
                v.currency(),
                v.localSymbol(),
                v.tradingClass(),
                v.multiplier(),
                v.lastTradeDateOrContractMonth(),
                v.strike(),
                v.right());
        return new PortfolioRow(
                contract,
                v.position(),
                decimal(v.averageCost()),
                decimal(v.marketPrice()),
                decimal(v.marketValue()),
                decimal(v.unrealizedPnl()),
                decimal(v.realizedPnl()),
                blankToNull(v.currency()));
    }

    static List<PortfolioTotal> totals(List<PortfolioRow> rows) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (PortfolioRow row : rows) {
            BigDecimal[] sum = sums.computeIfAbsent(row.currency() == null ? "" : row.currency(), c ->
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(orZero(row.marketValue()));
            sum[1] = sum[1].add(orZero(row.unrealizedPnl()));
            sum[2] = sum[2].add(orZero(row.realizedPnl()));
        }
        List<PortfolioTotal> totals = new ArrayList<>();
        sums.forEach((currency, sum) -> totals.add(new PortfolioTotal(blankToNull(currency), sum[0], sum[1], sum[2])));
        return totals;
    }

    private static ContractView contract(
            int conId,
            String symbol,
            String secType,
            String exchange,
            String currency,
            String localSymbol,
            String tradingClass,
            String multiplier,
            String expiry,
            double strike,
            String right) {
        boolean derivative = !blank(expiry) || !blank(right);
        return new ContractView(
                conId,
                symbol,
                secType,
                blankToNull(exchange),
                blankToNull(currency),
                blankToNull(localSymbol),
                blankToNull(tradingClass),
                multiplier(multiplier),
                blankToNull(expiry),
                derivative && strike != 0 ? decimal(strike) : null,
                blankToNull(right));
    }

    /** TWS's "unset" (Double.MAX_VALUE) and non-finite values are absent; everything else is exact decimal text. */
    static BigDecimal decimal(double value) {
        if (value == MessageWriter.UNSET_DOUBLE || Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value);
    }

    static BigDecimal decimal(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal multiplier(String text) {
        BigDecimal value = decimal(text);
        return value == null || value.signum() == 0 ? BigDecimal.ONE : value;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String blankToNull(String text) {
        return blank(text) ? null : text;
    }
}
