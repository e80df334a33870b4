package io.tradergateway.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic account values: the same seed always gives the same starting numbers, so tests and demos can rely
 * on them. Values are plausible for a paper account, not realistic market data. Fills move them ({@link #move}):
 * cash pays for a purchase (and receives a sale's proceeds) and the commission, the gross position value follows
 * the position at the fill price, net liquidation loses the commission; margins (30% initial, 25% maintenance of
 * the gross position value), available funds, excess liquidity and buying power follow from those.
 */
final class SimAccounts {

    static final String CURRENCY = "USD";
    private static final BigDecimal INITIAL = new BigDecimal("0.30");
    private static final BigDecimal MAINTENANCE = new BigDecimal("0.25");

    /** The figures the others derive from; guarded by this. */
    private static final class Figures {
        BigDecimal cash;
        BigDecimal gross;
        BigDecimal net;
    }

    private final Map<String, Figures> figures = new LinkedHashMap<>();

    SimAccounts(List<String> accounts, long seed) {
        for (int i = 0; i < accounts.size(); i++) {
            Random random = new Random(seed * 31 + i);
            Figures f = new Figures();
            f.cash = money(50_000 + random.nextInt(150_000));
            f.gross = money(20_000 + random.nextInt(300_000));
            f.net = f.cash.add(f.gross);
            figures.put(accounts.get(i), f);
        }
    }

    private static BigDecimal money(long cents100) {
        return BigDecimal.valueOf(cents100).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Map<String, String> values(Figures f) {
        BigDecimal maint = f.gross.multiply(MAINTENANCE).setScale(2, RoundingMode.HALF_UP);
        BigDecimal init = f.gross.multiply(INITIAL).setScale(2, RoundingMode.HALF_UP);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("AccountType", "INDIVIDUAL");
        values.put("NetLiquidation", f.net.toPlainString());
        values.put("TotalCashValue", f.cash.toPlainString());
        values.put("GrossPositionValue", f.gross.toPlainString());
        values.put(
                "BuyingPower",
                f.net.subtract(init).multiply(BigDecimal.valueOf(4)).toPlainString());
        values.put("AvailableFunds", f.net.subtract(init).toPlainString());
        values.put("ExcessLiquidity", f.net.subtract(maint).toPlainString());
        values.put("MaintMarginReq", maint.toPlainString());
        values.put("InitMarginReq", init.toPlainString());
        return values;
    }

    /** Tag -> value for one account ("All" tags when {@code tags} is empty). */
    synchronized Map<String, String> summary(String account, List<String> tags) {
        Figures f = figures.get(account);
        Map<String, String> values = f == null ? Map.of() : values(f);
        if (tags.isEmpty()) {
            return values;
        }
        Map<String, String> selected = new LinkedHashMap<>();
        for (String tag : tags) {
            if (values.containsKey(tag)) {
                selected.put(tag, values.get(tag));
            }
        }
        return selected;
    }

    /**
     * A fill: {@code cash} paid (negative) or received, the gross position value changed by {@code gross}, and
     * {@code commission} charged. Returns the account's values afterwards (empty for an unknown account).
     */
    synchronized Map<String, String> move(String account, BigDecimal cash, BigDecimal gross, BigDecimal commission) {
        Figures f = figures.get(account);
        if (f == null) {
            return Map.of();
        }
        f.cash = f.cash.add(cash).subtract(commission).setScale(2, RoundingMode.HALF_UP);
        f.gross = f.gross.add(gross).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        f.net = f.net.subtract(commission).setScale(2, RoundingMode.HALF_UP);
        return values(f);
    }

    synchronized List<String> accounts() {
        return List.copyOf(figures.keySet());
    }
}
