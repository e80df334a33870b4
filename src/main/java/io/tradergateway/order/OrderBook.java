package io.tradergateway.order;

import io.tradergateway.tws.TwsOutcomeUnknownException;
import io.tradergateway.tws.wire.CompletedOrder;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live state of orders and executions, fed by what TWS sends (openOrder, orderStatus, execDetails, commission
 * reports, completedOrder, errors by order id) and served from memory. The gateway's own orders are known by
 * order id and, across reconnects and restarts, by orderRef (the idempotency key). Executions are kept by execId
 * stem, so a correction replaces the fill it corrects and a replayed fill is not a new one; commission reports
 * join by execId in either order. Every change of state is written to the journal (on its own thread) and told
 * to the {@link OrderEvents} listeners once.
 */
final class OrderBook {

    static final String UNKNOWN = "UNKNOWN";
    private static final Set<String> CANCEL_ENDS = Set.of("Cancelled", "ApiCancelled", "Filled", "Inactive");

    private final Clock clock;
    private final OrderJournal journal;
    private final Executor journalWriter;
    private final List<OrderEvents> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, LiveOrder> byKey = new ConcurrentHashMap<>();
    private final Map<Integer, LiveOrder> byOrderId = new ConcurrentHashMap<>();
    private final Map<Long, OpenOrder> foreign = new ConcurrentHashMap<>();
    private final Map<Long, CompletedOrder> completed = new ConcurrentHashMap<>();
    private final AtomicInteger highestSeen = new AtomicInteger();
    /** Today's fills with their commissions. */
    final ExecutionBook fills = new ExecutionBook();

    OrderBook(Clock clock, OrderJournal journal, Executor journalWriter) {
        this.clock = clock;
        this.journal = journal;
        this.journalWriter = journalWriter;
    }

    void addListener(OrderEvents listener) {
        listeners.add(listener);
        fills.addListener(listener);
    }

    void add(LiveOrder order) {
        byKey.put(order.key, order);
        byOrderId.put(order.orderId, order);
        seen(order.orderId);
    }

    LiveOrder byKey(String key) {
        return byKey.get(key);
    }

    LiveOrder byOrderId(int orderId) {
        return byOrderId.get(orderId);
    }

    Collection<LiveOrder> own() {
        return byKey.values();
    }

    Collection<OpenOrder> foreign() {
        return foreign.values();
    }

    Collection<CompletedOrder> completed() {
        return completed.values();
    }

    int highestSeen() {
        return highestSeen.get();
    }

    void seen(int orderId) {
        highestSeen.accumulateAndGet(orderId, Math::max);
    }

    private LiveOrder mine(int orderId, long permId, String orderRef) {
        LiveOrder o = byOrderId.get(orderId);
        if (o != null && (o.permId == 0 || permId == 0 || o.permId == permId)) {
            return o;
        }
        LiveOrder byRef = orderRef == null ? null : byKey.get(orderRef);
        return byRef != null && (byRef.permId == 0 || byRef.permId == permId) ? byRef : null;
    }

    void onOpenOrder(OpenOrder m) {
        if (m.order().whatIf()) {
            return; // a preview's answer, owned by the preview
        }
        LiveOrder o = mine(m.orderId(), m.permId(), m.order().orderRef());
        if (o == null) {
            foreign.put(m.permId(), m);
            return;
        }
        seen(m.orderId());
        synchronized (this) {
            o.permId = m.permId();
            if (o.restored) {
                o.contract = m.contract();
                o.order = m.order();
                o.restored = false;
            } else if (o.contract.symbol().isBlank() && m.contract().conId() == o.contract.conId()) {
                o.contract = m.contract(); // placed by conId alone: TWS's openOrder names the contract
            }
            if (!m.state().warningText().isBlank()) {
                o.warning = m.state().warningText();
            }
            if (!m.state().rejectReason().isBlank()) {
                o.rejectReason = m.state().rejectReason();
            }
        }
        apply(o, m.state().status(), null, null, 0, 0);
    }

    void onStatus(OrderStatus m) {
        LiveOrder o = mine(m.orderId(), m.permId(), null);
        if (o == null) {
            return;
        }
        seen(m.orderId());
        synchronized (this) {
            if (m.permId() != 0) {
                o.permId = m.permId();
            }
        }
        apply(o, m.status(), m.filled(), m.remaining(), m.avgFillPrice(), m.lastFillPrice());
    }

    void onCompleted(CompletedOrder m) {
        completed.put(m.permId(), m);
        LiveOrder o = byKey.get(m.order().orderRef());
        if (o != null && (o.permId == 0 || o.permId == m.permId())) {
            synchronized (this) {
                o.permId = m.permId();
            }
            BigDecimal rest =
                    o.order.totalQuantity().subtract(m.filledQuantity()).max(BigDecimal.ZERO);
            apply(o, m.status(), m.filledQuantity(), rest, o.avgFillPrice, o.lastFillPrice);
        }
    }

    /** An error TWS addressed to one of this gateway's order ids. */
    void onError(int orderId, int code, String text) {
        LiveOrder o = byOrderId.get(orderId);
        if (o == null) {
            return;
        }
        if (code == 399) { // a warning, not fatal
            synchronized (this) {
                o.warning = text;
            }
            emit(o);
            return;
        }
        if (code == 202 && o.ack.isDone()) {
            return; // "order cancelled" after the ack comes with its status (a cancel waits for that)
        }
        OrderException problem = OrderException.fromIb(code, text);
        CompletableFuture<LiveOrder> change = o.change;
        if (!o.ack.isDone()) {
            synchronized (this) {
                o.ibCode = code;
                o.rejectReason = text;
            }
            o.ack.completeExceptionally(problem);
            apply(o, code == 202 ? "Cancelled" : "Rejected", null, null, 0, 0);
        } else if (change != null) {
            change.completeExceptionally(problem);
        } else {
            synchronized (this) {
                o.ibCode = code;
                o.warning = text;
            }
            emit(o);
        }
    }

    private void apply(LiveOrder o, String status, BigDecimal filled, BigDecimal remaining, double avg, double last) {
        boolean changed;
        synchronized (this) {
            changed = !status.equals(o.status) || filled != null && filled.compareTo(o.filled) != 0;
            o.status = status;
            if (filled != null) {
                o.filled = filled;
                o.remaining = remaining;
                o.avgFillPrice = avg;
                o.lastFillPrice = last;
            }
            if (changed) {
                o.updatedAt = clock.instant();
            }
        }
        if (!status.equals(UNKNOWN)) { // UNKNOWN is not an acknowledgement: connectionLost fails the ack after it
            o.ack.complete(o);
        }
        CompletableFuture<LiveOrder> change = o.change;
        if (change != null && filled != null && (!o.changeToEnd || CANCEL_ENDS.contains(status))) {
            change.complete(o);
        }
        if (changed) {
            String s = o.status;
            BigDecimal f = o.filled;
            long perm = o.permId;
            double price = o.avgFillPrice;
            journalWriter.execute(() -> journal.update(o.key, o.orderId, perm, s, f, price));
            emit(o);
        }
    }

    private void emit(LiveOrder o) {
        OrderView view = o.view();
        listeners.forEach(l -> l.onOrder(view));
    }

    /** The socket went: orders TWS had not yet acknowledged are outcome-unknown until reconciled. */
    void connectionLost() {
        for (LiveOrder o : byKey.values()) {
            if (!o.ack.isDone()) {
                // the state first: the caller waiting on the ack answers with the order's view as soon as it fails
                apply(o, UNKNOWN, null, null, 0, 0);
                o.ack.completeExceptionally(new TwsOutcomeUnknownException("placeOrder " + o.orderId, "socket lost"));
            }
            CompletableFuture<LiveOrder> change = o.change;
            if (change != null) {
                change.completeExceptionally(new TwsOutcomeUnknownException("order " + o.orderId, "socket lost"));
            }
        }
    }

    /** After reconciliation: an order still unknown never reached TWS. */
    void settleUnknown() {
        for (LiveOrder o : byKey.values()) {
            if (o.status.equals(UNKNOWN)) {
                apply(o, "NotFound", null, null, 0, 0);
            }
        }
    }
}
