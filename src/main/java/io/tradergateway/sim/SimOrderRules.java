package io.tradergateway.sim;

import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * How the simulator's desk judges an order, as TWS does: what it rejects (with IB's code and text) and when a
 * working order trades at the current price of the simulator's price path.
 */
final class SimOrderRules {

    /** The largest quantity one fill takes; larger orders fill in parts, one part per price step. */
    static final BigDecimal LOT = new BigDecimal("500");

    static final Set<String> TYPES = Set.of("MKT", "LMT", "STP", "STP LMT", "TRAIL", "MOC", "LOC");
    static final Set<String> TIFS = Set.of("DAY", "GTC", "IOC", "GTD", "OPG");
    /** The close the MOC / LOC orders wait for: 16:00 New York, taken as 21:00 UTC. */
    static final LocalTime CLOSE = LocalTime.of(21, 0);

    record Rejection(int code, String text) {}

    private SimOrderRules() {}

    /** The contract a placeOrder names: by conId, or a description that matches exactly one; null if none. */
    static SimContract resolve(io.tradergateway.tws.wire.Contract c) {
        if (c.conId() > 0) {
            return SimContracts.byConId(c.conId()).orElse(null);
        }
        List<SimContract> found = SimContracts.matching(
                c.symbol(),
                c.secType(),
                c.exchange(),
                c.currency(),
                c.lastTradeDateOrContractMonth(),
                c.strike(),
                c.right());
        return found.size() == 1 ? found.get(0) : null;
    }

    /**
     * Whether TWS takes a placeOrder: a known contract (200), an id above every id the client used unless it
     * modifies a working order (103; 104 for a filled one), then {@link #validate}.
     */
    static Rejection admit(
            io.tradergateway.tws.wire.PlaceOrder place,
            SimOrder existing,
            int highestUsed,
            SimContract contract,
            List<String> accounts) {
        if (contract == null) {
            return new Rejection(ErrorCodes.NO_SECURITY_DEFINITION, SimContractDesk.NO_SECURITY_TEXT);
        }
        if (existing == null && place.orderId() <= highestUsed || existing != null && existing.done()) {
            return existing != null && existing.status.equals("Filled")
                    ? new Rejection(ErrorCodes.CANNOT_MODIFY_FILLED, "Cannot modify a filled order.")
                    : new Rejection(ErrorCodes.DUPLICATE_ORDER_ID, "Duplicate order id");
        }
        return validate(place.order(), contract, accounts);
    }

    /** Why TWS refuses to cancel: unknown order (10147), one that is done (10148); null when it can. */
    static Rejection cancellable(int orderId, String status) {
        if (status == null) {
            return new Rejection(
                    ErrorCodes.CANCEL_UNKNOWN_ORDER,
                    "OrderId " + orderId + " that needs to be cancelled is not found.");
        }
        if (status.equals("Filled") || status.equals("Cancelled") || status.equals("Inactive")) {
            return new Rejection(
                    ErrorCodes.CANCEL_FILLED_ORDER,
                    "OrderId " + orderId + " that needs to be cancelled cannot be cancelled, state: " + status + ".");
        }
        return null;
    }

    static Rejection validate(Order o, SimContract contract, List<String> accounts) {
        if (!accounts.contains(o.account())) {
            return reject("Invalid account code '" + o.account() + "'");
        }
        if (o.totalQuantity().signum() <= 0) {
            return reject("The order quantity must be positive");
        }
        if (!TYPES.contains(o.orderType())) {
            return reject("Invalid order type " + o.orderType());
        }
        if (!TIFS.contains(o.tif())) {
            return reject("Invalid time in force " + o.tif());
        }
        if (o.tif().equals("GTD") && o.goodTillDate().isBlank()) {
            return reject("Good till date is required for GTD orders");
        }
        boolean needsLimit = o.orderType().equals("LMT")
                || o.orderType().equals("STP LMT")
                || o.orderType().equals("LOC");
        boolean needsStop = o.orderType().startsWith("STP");
        if (needsLimit && o.lmtPrice() == Order.UNSET || needsStop && o.auxPrice() == Order.UNSET) {
            return reject("Missing price for order type " + o.orderType());
        }
        if (o.orderType().equals("TRAIL") && o.auxPrice() == Order.UNSET && o.trailingPercent() == Order.UNSET) {
            return reject("A trailing order needs a trailing amount or percent");
        }
        if (offTick(o.lmtPrice(), contract.minTick())
                || !o.orderType().equals("TRAIL") && offTick(o.auxPrice(), contract.minTick())) {
            return new Rejection(
                    ErrorCodes.PRICE_OFF_TICK,
                    "The price does not conform to the minimum price variation for this contract.");
        }
        return null;
    }

    private static Rejection reject(String reason) {
        return new Rejection(ErrorCodes.ORDER_REJECTED, "Order rejected - reason:" + reason);
    }

    private static boolean offTick(double price, double tick) {
        if (price == Order.UNSET) {
            return false;
        }
        BigDecimal ticks =
                BigDecimal.valueOf(price).divide(BigDecimal.valueOf(tick), 10, java.math.RoundingMode.HALF_UP);
        return ticks.stripTrailingZeros().scale() > 0;
    }

    /** Whether a working order trades at {@code price} now; updates its trigger / trailing state. */
    static boolean trades(SimOrder o, double price, Instant now) {
        Order order = o.order;
        boolean buy = o.buy();
        switch (order.orderType()) {
            case "MKT":
                return true;
            case "LMT":
                return limitOk(buy, price, order.lmtPrice());
            case "STP":
                return stopped(o, buy, price, order.auxPrice());
            case "STP LMT":
                return stopped(o, buy, price, order.auxPrice()) && limitOk(buy, price, order.lmtPrice());
            case "TRAIL":
                o.extreme =
                        Double.isNaN(o.extreme) ? price : buy ? Math.min(o.extreme, price) : Math.max(o.extreme, price);
                double distance = order.trailingPercent() != Order.UNSET
                        ? o.extreme * order.trailingPercent() / 100
                        : order.auxPrice();
                return buy ? price >= o.extreme + distance : price <= o.extreme - distance;
            case "MOC":
                return !LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(CLOSE);
            case "LOC":
                return !LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(CLOSE)
                        && limitOk(buy, price, order.lmtPrice());
            default:
                return false;
        }
    }

    private static boolean limitOk(boolean buy, double price, double limit) {
        return buy ? price <= limit : price >= limit;
    }

    private static boolean stopped(SimOrder o, boolean buy, double price, double stop) {
        if (!o.triggered) {
            o.triggered = buy ? price >= stop : price <= stop;
        }
        return o.triggered;
    }
}
