package io.tradergateway.order;

import io.tradergateway.tws.wire.Order;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The safety rules, checked before anything reaches TWS: trading on, paper accounts (IB's D... ids) unless live
 * trading is allowed AND the account is listed, and the per-order limits (quantity, notional from the limit price
 * or the last known price x multiplier, order and security types). A market order whose price is not known is
 * refused, not guessed.
 */
final class OrderGuards {

    private final TradingProperties settings;
    private final IntFunction<String> secTypeOf; // conId -> security type (contract details, cached)
    private final Map<Integer, BigDecimal[]> lastPrices = new ConcurrentHashMap<>(); // conId -> price, multiplier

    OrderGuards(TradingProperties settings, IntFunction<String> secTypeOf) {
        this.settings = settings;
        this.secTypeOf = secTypeOf;
    }

    /** A price the gateway saw for {@code conId} (portfolio valuation, fills). */
    void lastPrice(int conId, double price, String multiplier) {
        if (conId > 0 && price > 0) {
            BigDecimal m = multiplier == null || multiplier.isBlank() ? BigDecimal.ONE : new BigDecimal(multiplier);
            lastPrices.put(conId, new BigDecimal[] {BigDecimal.valueOf(price), m});
        }
    }

    void tradingEnabled() {
        if (!settings.enabled()) {
            throw OrderException.tradingDisabled();
        }
    }

    void account(String account) {
        boolean paper = account.startsWith("D");
        if (!paper && !(settings.allowLive() && settings.liveAccounts().contains(account))) {
            throw OrderException.liveAccount(account);
        }
    }

    void limits(OrderPlan plan) {
        String secType = plan.contract().secType();
        if (secType.isBlank()) { // a contract given by conId: its type is TWS's
            secType = plan.contract().conId() > 0
                    ? secTypeOf.apply(plan.contract().conId())
                    : "STK";
        }
        if (!settings.secTypes().contains(secType)) {
            throw OrderException.limit(
                    "sec-types",
                    "Security type " + secType + " is not allowed (allowed: " + settings.secTypes() + ").");
        }
        for (OrderPlan.Leg leg : plan.legs()) {
            limits(leg.order(), plan.contract().conId());
        }
    }

    void limits(Order o, int conId) {
        if (!settings.orderTypes().contains(o.orderType())) {
            throw OrderException.limit(
                    "order-types",
                    "Order type " + o.orderType() + " is not allowed (allowed: " + settings.orderTypes() + ").");
        }
        if (o.totalQuantity().compareTo(settings.maxQuantity()) > 0) {
            throw OrderException.limit(
                    "max-quantity",
                    "Quantity " + o.totalQuantity().toPlainString() + " is above the limit of "
                            + settings.maxQuantity().toPlainString() + ".");
        }
        BigDecimal[] known = lastPrices.get(conId);
        BigDecimal price =
                o.lmtPrice() != Order.UNSET ? BigDecimal.valueOf(o.lmtPrice()) : known != null ? known[0] : null;
        if (price == null) {
            throw OrderException.limit(
                    "max-notional",
                    "No known price for this contract to check the notional" + " limit of a " + o.orderType()
                            + " order; give a limit price or hold the contract.");
        }
        BigDecimal multiplier = known == null ? BigDecimal.ONE : known[1];
        BigDecimal notional = o.totalQuantity().multiply(price).multiply(multiplier);
        if (notional.compareTo(settings.maxNotional()) > 0) {
            throw OrderException.limit(
                    "max-notional",
                    "Notional " + notional.toPlainString() + " is above the limit" + " of "
                            + settings.maxNotional().toPlainString() + ".");
        }
    }
}
