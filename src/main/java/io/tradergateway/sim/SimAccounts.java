package io.tradergateway.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic account values: the same seed always gives the same numbers, so tests and demos can rely
 * on them. Values are plausible for a paper account, not realistic market data.
 */
final class SimAccounts {

    static final String CURRENCY = "USD";

    private final Map<String, Map<String, String>> summaries = new LinkedHashMap<>();

    SimAccounts(List<String> accounts, long seed) {
        for (int i = 0; i < accounts.size(); i++) {
            Random random = new Random(seed * 31 + i);
            BigDecimal cash = money(50_000 + random.nextInt(150_000));
            BigDecimal gross = money(20_000 + random.nextInt(300_000));
            BigDecimal net = cash.add(gross);
            BigDecimal maint = gross.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal init = gross.multiply(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_UP);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("AccountType", "INDIVIDUAL");
            values.put("NetLiquidation", net.toPlainString());
            values.put("TotalCashValue", cash.toPlainString());
            values.put("GrossPositionValue", gross.toPlainString());
            values.put(
                    "BuyingPower",
                    net.subtract(init).multiply(BigDecimal.valueOf(4)).toPlainString());
            values.put("AvailableFunds", net.subtract(init).toPlainString());
            values.put("ExcessLiquidity", net.subtract(maint).toPlainString());
            values.put("MaintMarginReq", maint.toPlainString());
            values.put("InitMarginReq", init.toPlainString());
            summaries.put(accounts.get(i), values);
        }
    }

    private static BigDecimal money(long cents100) {
        return BigDecimal.valueOf(cents100).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Tag -> value for one account ("All" tags when {@code tags} is empty). */
    Map<String, String> summary(String account, List<String> tags) {
        Map<String, String> values = summaries.getOrDefault(account, Map.of());
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

    List<String> accounts() {
        return List.copyOf(summaries.keySet());
    }
}
