package io.tradergateway.order;

import io.tradergateway.tws.wire.Contract;
import io.tradergateway.tws.wire.Order;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A validated order request turned into what goes to TWS: the contract and one order per leg (the parent, then a
 * bracket's take-profit and stop-loss, the last one transmitting all three). {@link #canonical} is the text whose
 * hash tells a retry (same body) from a reuse of the key (different body).
 */
record OrderPlan(String key, Contract contract, List<Leg> legs, String canonical) {

    /** One order of the plan; {@code suffix} names it in the journal ("" parent, "#tp", "#sl"). */
    record Leg(String suffix, Order order) {}

    static OrderPlan of(String key, OrderRequest r) {
        if (r == null) {
            throw OrderException.invalid("body", "An order body is required.");
        }
        String action = upper(required("action", r.action()));
        if (!action.equals("BUY") && !action.equals("SELL")) {
            throw OrderException.invalid("action", "action must be BUY or SELL.");
        }
        BigDecimal quantity = r.quantity();
        if (quantity == null || quantity.signum() <= 0) {
            throw OrderException.invalid("quantity", "quantity must be a positive number.");
        }
        String type = upper(required("orderType", r.orderType()));
        if (!OrderRequest.TYPES.contains(type)) {
            throw OrderException.invalid("orderType", "orderType must be one of " + OrderRequest.TYPES + ".");
        }
        String tif = r.tif() == null || r.tif().isBlank() ? "DAY" : upper(r.tif());
        if (!OrderRequest.TIFS.contains(tif)) {
            throw OrderException.invalid("tif", "tif must be one of " + OrderRequest.TIFS + ".");
        }
        if (tif.equals("GTD") && (r.goodTillDate() == null || r.goodTillDate().isBlank())) {
            throw OrderException.invalid("goodTillDate", "tif GTD needs goodTillDate.");
        }
        boolean needsLimit = type.equals("LMT") || type.equals("STP LMT") || type.equals("LOC");
        if (needsLimit != (r.limitPrice() != null)) {
            throw OrderException.invalid(
                    "limitPrice", needsLimit ? type + " needs limitPrice." : type + " takes no limitPrice.");
        }
        if (type.startsWith("STP") && r.auxPrice() == null) {
            throw OrderException.invalid("auxPrice", type + " needs auxPrice (the stop price).");
        }
        if (type.equals("TRAIL") && (r.auxPrice() == null) == (r.trailingPercent() == null)) {
            throw OrderException.invalid("auxPrice", "TRAIL needs either auxPrice (amount) or trailingPercent.");
        }
        String account = required("account", r.account());
        Contract contract = contract(r);
        Order parent = Order.of(action, quantity, type)
                .withPrices(price(r.limitPrice()), price(r.auxPrice()))
                .withRouting(account, key, tif, r.goodTillDate(), Boolean.TRUE.equals(r.outsideRth()));
        if (r.trailingPercent() != null) {
            parent = parent.withTrailingPercent(r.trailingPercent().doubleValue());
        }
        List<Leg> legs = new ArrayList<>();
        if (r.bracket() == null) {
            legs.add(new Leg("", parent));
        } else {
            legs.addAll(bracket(key, parent, r.bracket()));
        }
        String canonical = String.join("|", contract.toString(), legs.toString());
        return new OrderPlan(key, contract, legs, canonical);
    }

    private static List<Leg> bracket(String key, Order parent, OrderRequest.Bracket b) {
        if (b.takeProfitLimitPrice() == null || b.stopLossPrice() == null) {
            throw OrderException.invalid("bracket", "A bracket needs takeProfitLimitPrice and stopLossPrice.");
        }
        String exit = parent.action().equals("BUY") ? "SELL" : "BUY";
        String oca = "oca-" + key;
        Order tp = Order.of(exit, parent.totalQuantity(), "LMT")
                .withPrices(b.takeProfitLimitPrice().doubleValue(), Order.UNSET)
                .withRouting(parent.account(), key + "#tp", "GTC", "", parent.outsideRth())
                .withLink(-1, oca, 1, false);
        Order sl = Order.of(exit, parent.totalQuantity(), "STP")
                .withPrices(Order.UNSET, b.stopLossPrice().doubleValue())
                .withRouting(parent.account(), key + "#sl", "GTC", "", parent.outsideRth())
                .withLink(-1, oca, 1, true);
        return List.of(new Leg("", parent.withLink(0, "", 0, false)), new Leg("#tp", tp), new Leg("#sl", sl));
    }

    private static Contract contract(OrderRequest r) {
        if (r.conId() != null && r.conId() > 0) {
            String exchange = blank(r.exchange()) ? "SMART" : upper(r.exchange());
            return new Contract(r.conId(), "", "", "", Order.UNSET, "", "", exchange, "", "", "", "");
        }
        String symbol = required("symbol", r.symbol());
        String secType = blank(r.secType()) ? "STK" : upper(r.secType());
        String exchange = blank(r.exchange()) ? "SMART" : upper(r.exchange());
        String currency = blank(r.currency()) ? "USD" : upper(r.currency());
        return new Contract(0, upper(symbol), secType, "", Order.UNSET, "", "", exchange, "", currency, "", "");
    }

    /** The terms of leg {@code i} with the parent's real order id. */
    static Order linked(Order leg, int parentId) {
        return leg.parentId() == -1 ? leg.withLink(parentId, leg.ocaGroup(), leg.ocaType(), leg.transmit()) : leg;
    }

    private static double price(BigDecimal value) {
        return value == null ? Order.UNSET : value.doubleValue();
    }

    private static String required(String field, String value) {
        if (blank(value)) {
            throw OrderException.invalid(field, field + " is required.");
        }
        return value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String upper(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }

    static String key(String header, OrderRequest request) {
        String key = header != null && !header.isBlank()
                ? header.trim()
                : request != null && request.clientOrderId() != null
                        ? request.clientOrderId().trim()
                        : "";
        if (key.isEmpty()) {
            throw OrderException.invalid(
                    "Idempotency-Key",
                    "Send an Idempotency-Key header (or clientOrderId) so that a retry never places a second order.");
        }
        if (key.length() > 100 || !key.matches("[A-Za-z0-9._:-]+")) {
            throw OrderException.invalid(
                    "Idempotency-Key",
                    "The idempotency key must be 1-100 characters of letters, digits, '.', '_', ':' or '-'.");
        }
        return key;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
