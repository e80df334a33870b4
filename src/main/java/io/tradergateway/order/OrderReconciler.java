package io.tradergateway.order;

import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsListener;
import io.tradergateway.tws.wire.Contract;
import io.tradergateway.tws.wire.Order;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the book true across lost sockets and restarts. When the session stops being usable, orders TWS had not
 * acknowledged become UNKNOWN; on every (re)connect (READY) it asks TWS for this client's open orders, today's
 * completed orders and executions, which settle them (found by order id or by the key in orderRef), report fills
 * that happened while the socket was down, and mark what TWS never received NotFound. At start it loads the
 * journal back, so keys and order ids survive a gateway restart.
 */
final class OrderReconciler implements TwsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderReconciler.class);

    private final OrderBook book;
    private final OrderReads reads;
    private final OrderJournal journal;
    private final ExecutorService worker;
    private final Clock clock;
    private final AtomicLong rounds = new AtomicLong();

    OrderReconciler(OrderBook book, OrderReads reads, OrderJournal journal, ExecutorService worker, Clock clock) {
        this.book = book;
        this.reads = reads;
        this.journal = journal;
        this.worker = worker;
        this.clock = clock;
    }

    /** Loads the journal of the last week back into the book (after a restart). */
    void restore() {
        book.seen(journal.highestOrderId());
        for (OrderJournal.Entry e :
                journal.since(clock.millis() - Duration.ofDays(7).toMillis())) {
            Contract unknown = new Contract(0, "", "", "", Order.UNSET, "", "", "", "", "", "", "");
            Order terms = Order.of("", BigDecimal.ZERO, "").withRouting(e.account(), e.key(), "", "", false);
            LiveOrder o = new LiveOrder(e.key(), e.orderId(), unknown, terms, e.status(), clock.instant());
            o.permId = e.permId();
            o.filled = e.filled();
            o.avgFillPrice = e.avgPrice();
            o.restored = true;
            o.ack.complete(o);
            book.add(o);
        }
    }

    /** Reconciliations run so far (for tests and metrics). */
    long rounds() {
        return rounds.get();
    }

    @Override
    public void onStateChange(ConnectionState previous, ConnectionState current) {
        if (previous.isUsable() && !current.isUsable()) {
            book.connectionLost();
        }
        if (current == ConnectionState.READY && previous != ConnectionState.READY) {
            worker.execute(this::reconcile);
        }
    }

    void reconcile() {
        try {
            reads.openOrders(false);
            reads.completedOrders();
            reads.executionsFromTws();
            book.settleUnknown();
            rounds.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("order reconciliation failed (next reconnect retries): {}", e.toString());
        }
    }
}
