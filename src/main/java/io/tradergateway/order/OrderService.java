package io.tradergateway.order;

import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsRequest;
import io.tradergateway.tws.TwsUnavailableException;
import io.tradergateway.tws.wire.CancelOrder;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.Order;
import io.tradergateway.tws.wire.PlaceOrder;
import io.tradergateway.tws.wire.ReqGlobalCancel;
import io.tradergateway.tws.wire.ReqIds;
import io.tradergateway.tws.wire.ServerMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order commands: place (idempotent by key, journaled before sending), preview (what-if), modify, cancel,
 * cancel all. Every command is checked by the {@link OrderGuards} first and written to the audit trail.
 */
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    /** What a placement answered: a new order (201), an existing one for the same key (200), or still open (202). */
    public enum Outcome {
        CREATED,
        EXISTING,
        ACCEPTED
    }

    public record Placed(OrderView order, Outcome outcome) {}

    private final TwsClient tws;
    private final OrderJournal journal;
    private final OrderBook book;
    private final OrderGuards guards;
    private final TradingProperties settings;
    private final Clock clock;
    private final Awaits awaits;
    private final Consumer<ServerMessage> errors;
    private final Object sending;

    OrderService(
            TwsClient tws,
            OrderJournal journal,
            OrderBook book,
            OrderGuards guards,
            TradingProperties settings,
            Clock clock,
            Awaits awaits,
            Object sending) {
        this.sending = sending;
        this.tws = tws;
        this.journal = journal;
        this.book = book;
        this.guards = guards;
        this.settings = settings;
        this.clock = clock;
        this.awaits = awaits;
        this.errors = m -> {
            if (m instanceof ErrorMessage e) {
                book.onError(e.reqId(), e.code(), e.message());
            }
        };
    }

    /** Order and execution events (for the event stream). */
    public void addListener(OrderEvents listener) {
        book.addListener(listener);
    }

    public Placed place(OrderRequest request, String headerKey, String who) {
        String key = OrderPlan.key(headerKey, request);
        guards.tradingEnabled();
        OrderPlan plan = OrderPlan.of(key, request);
        guards.account(plan.legs().get(0).order().account());
        String hash = OrderPlan.sha256(plan.canonical());
        Placed existing = existing(key, hash);
        if (existing != null) {
            return existing;
        }
        guards.limits(plan);
        List<LiveOrder> orders;
        java.time.Instant deadline;
        synchronized (sending) { // TWS wants a client's order ids in increasing order: allocate, journal, send
            orders = journaled(key, hash, plan);
            if (orders == null) { // the same key won a race: answer what it placed
                Placed raced = existing(key, hash);
                if (raced != null) {
                    return raced;
                }
                throw OrderException.keyConflict(key);
            }
            deadline = awaits.deadline(settings.ackTimeout()); // on the injected clock, from the send on
            sendAll(orders);
        }
        Placed placed = awaitAck(orders, deadline);
        journal.audit(
                who,
                "place",
                key,
                orders.get(0).orderId,
                plan.canonical(),
                placed.order().status());
        return placed;
    }

    /** Allocates the ids and journals the intents; null when the key exists already. */
    private List<LiveOrder> journaled(String key, String hash, OrderPlan plan) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < plan.legs().size(); i++) {
            ids.add(allocate());
        }
        List<OrderJournal.Entry> entries = new ArrayList<>();
        List<LiveOrder> orders = new ArrayList<>();
        for (int i = 0; i < plan.legs().size(); i++) {
            OrderPlan.Leg leg = plan.legs().get(i);
            Order terms = OrderPlan.linked(leg.order(), ids.get(0));
            entries.add(new OrderJournal.Entry(
                    key + leg.suffix(),
                    hash,
                    plan.canonical(),
                    i == 0 ? null : key,
                    terms.account(),
                    ids.get(i),
                    0,
                    "PendingSubmit",
                    BigDecimal.ZERO,
                    0,
                    clock.millis()));
            orders.add(new LiveOrder(
                    key + leg.suffix(), ids.get(i), plan.contract(), terms, "PendingSubmit", clock.instant()));
        }
        if (!journal.create(entries)) {
            ids.forEach(tws::releaseOrderId);
            return null;
        }
        orders.forEach(book::add);
        orders.subList(1, orders.size()).forEach(child -> orders.get(0).children.add(child.orderId));
        return orders;
    }

    private void sendAll(List<LiveOrder> orders) {
        try {
            for (LiveOrder o : orders) {
                tws.send(new PlaceOrder(o.orderId, o.contract, o.order));
            }
        } catch (TwsUnavailableException e) {
            book.connectionLost(); // written or not, nobody knows: reconciliation settles it
        }
    }

    private Placed awaitAck(List<LiveOrder> orders, java.time.Instant deadline) {
        LiveOrder parent = orders.get(0);
        LiveOrder last = orders.get(orders.size() - 1);
        try {
            awaits.get(last.ack, deadline);
            awaits.get(parent.ack, deadline);
            return new Placed(parent.view(), Outcome.CREATED);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OrderException refused) {
                if (orders.stream().anyMatch(o -> o.ibCode != null && o.ibCode == ErrorCodes.DUPLICATE_ORDER_ID)) {
                    resyncOrderIds();
                }
                throw refused;
            }
            return new Placed(parent.view(), Outcome.ACCEPTED); // outcome unknown: 202, reconciled later
        } catch (TimeoutException e) {
            return new Placed(parent.view(), Outcome.ACCEPTED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Placed(parent.view(), Outcome.ACCEPTED);
        }
    }

    /**
     * TWS refused an order id as used already (103: another application under this client id, or ids TWS kept that
     * the gateway did not know of): TWS's next valid id (reqIds) is fetched before the refusal is answered, so the
     * next order gets an id TWS takes; the answer moves the session's counter forward. Bounded by the ack timeout.
     */
    private void resyncOrderIds() {
        try {
            var ids = TwsRequest.answeredBy("reqIds", new ReqIds(1), NextValidId.class, settings.ackTimeout());
            awaits.get(tws.request(ids), awaits.deadline(settings.ackTimeout()));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn(
                    "order ids: reqIds after error 103 not answered ({}); the next order may collide again",
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Placed existing(String key, String hash) {
        OrderJournal.Entry entry = journal.find(key).orElse(null);
        if (entry == null) {
            return null;
        }
        if (!entry.bodyHash().equals(hash)) {
            throw OrderException.keyConflict(key);
        }
        LiveOrder live = book.byKey(key);
        return new Placed(live != null ? live.view() : OrderReads.fromJournal(entry), Outcome.EXISTING);
    }

    /** An order id above every id this gateway has seen (TWS's nextValidId can lag after a restart). */
    private int allocate() {
        int id = tws.allocateOrderId(errors);
        while (id <= book.highestSeen()) {
            tws.releaseOrderId(id);
            id = tws.allocateOrderId(errors);
        }
        book.seen(id);
        return id;
    }

    /** Changes price, quantity or time in force of a working order (placeOrder with the same id). */
    public OrderView modify(
            int orderId, BigDecimal limitPrice, BigDecimal auxPrice, BigDecimal quantity, String tif, String who) {
        guards.tradingEnabled();
        LiveOrder o = known(orderId);
        if (o.done() || o.status.equals(OrderBook.UNKNOWN)) {
            throw OrderException.notModifiable(orderId, o.status);
        }
        Order terms = o.order.withPrices(
                limitPrice == null ? o.order.lmtPrice() : limitPrice.doubleValue(),
                auxPrice == null ? o.order.auxPrice() : auxPrice.doubleValue());
        if (quantity != null) {
            if (quantity.signum() <= 0) {
                throw OrderException.invalid("quantity", "quantity must be a positive number.");
            }
            terms = terms.withQuantity(quantity);
        }
        if (tif != null) {
            String t = tif.trim().toUpperCase(java.util.Locale.ROOT);
            if (!OrderRequest.TIFS.contains(t) || t.equals("GTD")) {
                throw OrderException.invalid("tif", "tif must be one of DAY, GTC, IOC, OPG.");
            }
            terms = terms.withRouting(terms.account(), terms.orderRef(), t, terms.goodTillDate(), terms.outsideRth());
        }
        guards.limits(terms, o.contract.conId());
        CompletableFuture<LiveOrder> change = new CompletableFuture<>();
        o.changeToEnd = false;
        o.change = change;
        tws.send(new PlaceOrder(
                orderId, o.contract, terms.withLink(terms.parentId(), terms.ocaGroup(), terms.ocaType(), true)));
        LiveOrder done = awaits.await(change, settings.ackTimeout(), "modify");
        o.order = terms;
        o.change = null;
        journal.audit(who, "modify", o.key, orderId, terms.toString(), done.status);
        return o.view();
    }

    public OrderView cancel(int orderId, String who) {
        guards.tradingEnabled();
        LiveOrder o = known(orderId);
        CompletableFuture<LiveOrder> change = new CompletableFuture<>();
        o.changeToEnd = true;
        o.change = change;
        tws.send(new CancelOrder(orderId));
        try {
            LiveOrder done = awaits.await(change, settings.ackTimeout(), "cancel");
            journal.audit(who, "cancel", o.key, orderId, "", done.status);
        } catch (OrderException e) {
            journal.audit(who, "cancel", o.key, orderId, "", e.getMessage());
            throw e;
        } finally {
            o.change = null;
        }
        return o.view();
    }

    public void cancelAll(String confirm, String who) {
        guards.tradingEnabled();
        if (!"CANCEL_ALL".equals(confirm)) {
            throw OrderException.confirmationRequired();
        }
        tws.send(new ReqGlobalCancel());
        journal.audit(who, "cancel-all", null, null, "reqGlobalCancel", "sent");
    }

    private LiveOrder known(int orderId) {
        LiveOrder o = book.byOrderId(orderId);
        if (o == null) {
            throw OrderException.notFound("No order " + orderId + " placed by this gateway.");
        }
        return o;
    }
}
