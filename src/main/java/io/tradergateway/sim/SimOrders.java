package io.tradergateway.sim;

import io.tradergateway.tws.wire.CancelOrder;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.CompletedOrdersEnd;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.OpenOrderEnd;
import io.tradergateway.tws.wire.PlaceOrder;
import io.tradergateway.tws.wire.ReqCompletedOrders;
import io.tradergateway.tws.wire.ReqExecutions;
import io.tradergateway.tws.wire.ReqGlobalCancel;
import io.tradergateway.tws.wire.ReqOpenOrders;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The simulator's order desk, per client id as TWS keeps orders (they outlive the socket, so a client that
 * reconnects finds them with reqOpenOrders / reqCompletedOrders / reqExecutions): acks with openOrder + orderStatus
 * (PreSubmitted, Submitted), works orders on the price path ({@link SimOrderRules}), one part per price step for
 * large ones, reports fills ({@link SimFills}). One lock; clients that are not connected are not told.
 */
public final class SimOrders {

    /** What the next placeOrder does to the socket. */
    public enum Drop {
        NONE,
        BEFORE_ACK,
        AFTER_ACK
    }

    private final Clock clock;
    private final SimPrices prices;
    private final List<String> accounts;
    private final IntFunction<SimSession> sessions;
    private final SimFills fills;
    private final Map<Long, SimOrder> byKey = new LinkedHashMap<>(); // clientId << 32 | orderId
    private final Map<Integer, Integer> highestId = new LinkedHashMap<>();
    private final Object lock = new Object();
    private final SimOrderFaults faults = new SimOrderFaults();
    private long nextPermId = 1_376_327_563L;

    SimOrders(Clock clock, SimPrices prices, List<String> accounts, IntFunction<SimSession> sessions, SimFills fills) {
        this.clock = clock;
        this.prices = prices;
        this.accounts = accounts;
        this.sessions = sessions;
        this.fills = fills;
    }

    /** The desk's fault controls (reject, drop, delay the next order; a cancel refused or too late). */
    public SimOrderFaults faults() {
        return faults;
    }

    /** The orders at the desk (all clients), oldest first. */
    public List<OpenOrder> orders() {
        synchronized (lock) {
            return byKey.values().stream().map(SimOrder::openOrder).toList();
        }
    }

    /** Corrects the last execution to {@code price} (same execId stem, next suffix) and reports it. */
    public void correctLastExecution(double price) {
        synchronized (lock) {
            SimFills.Fill fill = fills.correctLast(price);
            if (fill != null) {
                SimOrder o = byKey.get(key(
                        fill.details().execution().clientId(), fill.details().orderId()));
                if (o != null) {
                    send(o, fill.details(), fill.commission());
                }
            }
        }
    }

    /** Takes the order requests; false for anything else. */
    boolean handle(SimSession session, ClientRequest request) throws IOException {
        synchronized (lock) {
            if (request instanceof PlaceOrder place) {
                place(session, place);
            } else if (request instanceof CancelOrder cancel) {
                cancel(session.clientId(), cancel.orderId(), session);
            } else if (request instanceof ReqOpenOrders open) {
                for (SimOrder o : byKey.values()) {
                    if (!o.done() && (open.all() || o.clientId == session.clientId())) {
                        session.send(o.openOrder());
                        session.send(o.orderStatus());
                    }
                }
                session.send(new OpenOrderEnd());
            } else if (request instanceof ReqCompletedOrders) {
                for (SimOrder o : byKey.values()) {
                    if (o.done()) {
                        session.send(fills.completed(o));
                    }
                }
                session.send(new CompletedOrdersEnd());
            } else if (request instanceof ReqExecutions executions) {
                fills.replay(session, executions);
            } else if (request instanceof ReqGlobalCancel) {
                for (SimOrder o : List.copyOf(byKey.values())) {
                    if (!o.done()) {
                        cancel(o.clientId, o.orderId, null);
                    }
                }
            } else {
                return false;
            }
            return true;
        }
    }

    private void place(SimSession session, PlaceOrder place) throws IOException {
        int clientId = session.clientId();
        int id = place.orderId();
        SimOrder existing = byKey.get(key(clientId, id));
        SimOrderRules.Rejection rejection = faults.takeRejection();
        SimContract contract = SimOrderRules.resolve(place.contract());
        if (rejection == null) {
            rejection = SimOrderRules.admit(place, existing, faults.used(highestId, clientId, id), contract, accounts);
        }
        if (rejection != null) {
            session.error(id, rejection.code(), rejection.text());
            return;
        }
        if (place.order().whatIf()) {
            session.send(new OpenOrder(
                    id, contract.toWire(), place.order(), clientId, 0, fills.whatIf(place.order(), contract)));
            return;
        }
        highestId.merge(clientId, id, Math::max);
        SimOrder order = existing;
        if (order == null) {
            order = new SimOrder(clientId, id, nextPermId++, contract, place.order());
            byKey.put(key(clientId, id), order);
        } else {
            order.order = place.order(); // a modification: same id, new terms
        }
        Drop drop = faults.takeDrop();
        if (drop == Drop.BEFORE_ACK) {
            order.status = place.order().transmit() ? "Submitted" : order.status; // TWS has it, the client not
            session.close();
            return;
        }
        java.time.Duration delay = faults.takeAckDelay();
        if (existing == null && delay != null) {
            order.ackAt = clock.instant().plus(delay); // acknowledged by workAll once the clock gets there
            return;
        }
        if (existing == null) {
            session.send(order.openOrder());
            session.send(order.orderStatus());
        }
        if (existing != null && !existing.status.equals("PreSubmitted")) {
            send(order, order.openOrder(), order.orderStatus()); // a modification of a working order
            work(order);
        } else if (place.order().transmit()) {
            transmit(clientId, place.order().parentId() != 0 ? place.order().parentId() : id);
        }
        if (drop == Drop.AFTER_ACK) {
            session.close();
        }
    }

    /** Transmits an order with the children IB held for it (a bracket goes out with its last child). */
    private void transmit(int clientId, int root) {
        List<SimOrder> going = new java.util.ArrayList<>();
        for (SimOrder held : byKey.values()) {
            if (held.clientId == clientId
                    && held.status.equals("PreSubmitted")
                    && (held.orderId == root || held.order.parentId() == root)) {
                held.status = "Submitted";
                going.add(held);
            }
        }
        for (SimOrder o : going) {
            send(o, o.openOrder(), o.orderStatus());
        }
        going.forEach(this::work);
    }

    private void cancel(int clientId, int orderId, SimSession session) throws IOException {
        SimOrder o = byKey.get(key(clientId, orderId));
        SimSession to = session != null ? session : sessions.apply(clientId);
        SimOrderRules.Rejection forced = session != null ? faults.takeCancelRejection() : null;
        SimOrderRules.Rejection refused =
                forced != null ? forced : SimOrderRules.cancellable(orderId, o == null ? null : o.status);
        if (refused != null) {
            if (to != null) {
                to.error(orderId, refused.code(), refused.text());
            }
            return;
        }
        o.status = "PendingCancel";
        send(o, o.orderStatus());
        if (faults.takeFillOnCancel()) {
            fills.fill(o, o.remaining(), price(o), this::send); // the market was faster than the cancel
            return;
        }
        o.status = "Cancelled";
        o.completedTime = fills.stamp();
        send(o, o.orderStatus(), o.openOrder());
        if (to != null) {
            to.error(orderId, ErrorCodes.ORDER_CANCELLED, "Order Canceled - reason:");
        }
        for (SimOrder child : List.copyOf(byKey.values())) {
            if (child.clientId == clientId && child.order.parentId() == orderId && !child.done()) {
                cancel(clientId, child.orderId, session);
            }
        }
    }

    /** Works every live order at the current price (the timer calls this; tests move the clock). */
    void workAll() {
        synchronized (lock) {
            for (SimOrder o : List.copyOf(byKey.values())) {
                if (o.ackAt != null && !clock.instant().isBefore(o.ackAt)) {
                    o.ackAt = null; // a delayed acknowledgement, due now
                    send(o, o.openOrder(), o.orderStatus());
                    if (o.order.transmit()) {
                        transmit(o.clientId, o.order.parentId() != 0 ? o.order.parentId() : o.orderId);
                    }
                }
                work(o);
            }
        }
    }

    private void work(SimOrder o) {
        if (o.done() || !o.status.equals("Submitted") || !parentFilled(o)) {
            return;
        }
        long step = prices.step(clock.instant());
        if (step == o.lastFillStep) {
            return;
        }
        double price = price(o);
        if (!SimOrderRules.trades(o, price, clock.instant())) {
            if (o.order.tif().equals("IOC")) {
                o.status = "Cancelled"; // immediate or cancel: nothing traded now
                send(o, o.orderStatus());
            }
            return;
        }
        o.lastFillStep = step;
        BigDecimal quantity = o.remaining().min(SimOrderRules.LOT);
        fills.fill(o, quantity, price, this::send);
        if (o.order.tif().equals("IOC") && !o.done()) {
            o.status = "Cancelled";
            send(o, o.orderStatus());
        }
        if (o.status.equals("Filled") && !o.order.ocaGroup().isEmpty()) {
            for (SimOrder other : List.copyOf(byKey.values())) {
                if (other != o && !other.done() && other.order.ocaGroup().equals(o.order.ocaGroup())) {
                    other.status = "Cancelled";
                    other.completedTime = fills.stamp();
                    send(other, other.orderStatus(), other.openOrder());
                }
            }
        }
    }

    private boolean parentFilled(SimOrder o) {
        if (o.order.parentId() == 0) {
            return true;
        }
        SimOrder parent = byKey.get(key(o.clientId, o.order.parentId()));
        return parent == null || parent.status.equals("Filled");
    }

    private double price(SimOrder o) {
        return prices.price(o.contract, prices.step(clock.instant())).doubleValue();
    }

    /** Sends to the client that owns the order, if it is connected; a broken socket is closed. */
    void send(SimOrder o, ServerMessage... messages) {
        SimSession session = sessions.apply(o.clientId);
        if (session == null) {
            return;
        }
        try {
            for (ServerMessage m : messages) {
                session.send(m);
            }
        } catch (IOException e) {
            session.close();
        }
    }

    private static long key(int clientId, int orderId) {
        return ((long) clientId << 32) | (orderId & 0xffffffffL);
    }
}
