package io.tradergateway.order;

import io.tradergateway.tws.ResponseHandler;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsRequest;
import io.tradergateway.tws.wire.CompletedOrder;
import io.tradergateway.tws.wire.CompletedOrdersEnd;
import io.tradergateway.tws.wire.ExecDetailsEnd;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.OpenOrderEnd;
import io.tradergateway.tws.wire.Order;
import io.tradergateway.tws.wire.ReqCompletedOrders;
import io.tradergateway.tws.wire.ReqExecutions;
import io.tradergateway.tws.wire.ReqOpenOrders;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reading orders and executions (from memory), the TWS requests that refresh them (open orders of all clients,
 * completed orders, executions), and the restore of journaled orders after a gateway restart.
 */
public class OrderReads {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final TwsClient tws;
    private final OrderBook book;

    OrderReads(TwsClient tws, OrderBook book) {
        this.tws = tws;
        this.book = book;
    }

    /** This gateway's working orders; with {@code all}, every API client's and TWS's own open orders too. */
    public List<OrderView> list(boolean all) {
        List<OrderView> views = new ArrayList<>();
        book.own().stream().filter(o -> !o.done()).map(LiveOrder::view).forEach(views::add);
        if (all) {
            openOrders(true);
            for (OpenOrder o : book.foreign()) {
                if (!isDone(o.state().status())) {
                    views.add(fromOpenOrder(o));
                }
            }
        }
        views.sort(Comparator.comparingInt(OrderView::id));
        return views;
    }

    /**
     * One order by id: this gateway's from memory, else another API client's or TWS's own open order (as {@code
     * list(true)} shows them), asking TWS for every client's open orders when memory does not have it.
     */
    public OrderView get(int orderId) {
        LiveOrder o = book.byOrderId(orderId);
        if (o != null) {
            return o.view();
        }
        OpenOrder other = foreign(orderId);
        if (other == null) {
            openOrders(true);
            other = foreign(orderId);
        }
        if (other == null) {
            throw OrderException.notFound("No open order " + orderId + " at TWS, of this gateway or another client.");
        }
        return fromOpenOrder(other);
    }

    /** The newest open order of another client with this id (ids are per client; the latest state wins). */
    private OpenOrder foreign(int orderId) {
        return book.foreign().stream()
                .filter(o -> o.orderId() == orderId && !isDone(o.state().status()))
                .max(Comparator.comparingLong(OpenOrder::permId))
                .orElse(null);
    }

    /** Today's fills with their commissions as known now, from memory (the reconciler refreshes them on READY). */
    public List<ExecutionView> todaysExecutions() {
        return book.fills.all();
    }

    /** Today's fills (refreshed from TWS) filtered by account, symbol and time, with today's completed orders. */
    public ExecutionsResponse executions(String account, String symbol, Instant since) {
        executionsFromTws();
        completedOrders();
        List<ExecutionView> fills = book.fills.all().stream()
                .filter(e -> account == null || account.equals(e.account()))
                .filter(e -> symbol == null || symbol.equalsIgnoreCase(e.symbol()))
                .filter(e -> since == null || !ExecutionTimes.before(e.time(), since))
                .toList();
        List<OrderView> completed = book.completed().stream()
                .filter(c -> account == null || account.equals(c.order().account()))
                .filter(c ->
                        symbol == null || symbol.equalsIgnoreCase(c.contract().symbol()))
                .map(OrderReads::fromCompleted)
                .toList();
        return new ExecutionsResponse(fills, completed);
    }

    void openOrders(boolean all) {
        tws.request(TwsRequest.answeredBy(
                        all ? "all open orders" : "open orders", new ReqOpenOrders(all), OpenOrderEnd.class, TIMEOUT))
                .join();
    }

    void completedOrders() {
        tws.request(TwsRequest.answeredBy(
                        "completed orders", new ReqCompletedOrders(false), CompletedOrdersEnd.class, TIMEOUT))
                .join();
    }

    void executionsFromTws() {
        tws.request(TwsRequest.withReqId(
                        "executions",
                        reqId -> new ReqExecutions(reqId, 0, "", "", ""),
                        null,
                        () -> new ResponseHandler<Boolean>() {
                            @Override
                            public boolean accept(ServerMessage message) {
                                return message instanceof ExecDetailsEnd; // fills reach the book by type
                            }

                            @Override
                            public Boolean result() {
                                return true;
                            }
                        },
                        TIMEOUT))
                .join();
    }

    static boolean isDone(String status) {
        return switch (status) {
            case "Filled", "Cancelled", "ApiCancelled", "Inactive" -> true;
            default -> false;
        };
    }

    static OrderView fromOpenOrder(OpenOrder o) {
        return view(
                o.orderId(),
                o.permId(),
                o.contract(),
                o.order(),
                o.state().status(),
                null,
                null,
                o.state().warningText(),
                o.state().rejectReason());
    }

    static OrderView fromCompleted(CompletedOrder c) {
        Order t = c.order();
        return view(
                0,
                c.permId(),
                c.contract(),
                t,
                c.status(),
                c.filledQuantity(),
                t.totalQuantity().subtract(c.filledQuantity()),
                "",
                c.completedStatus());
    }

    /** An order TWS reported that is not this gateway's live order (another client's, or completed). */
    private static OrderView view(
            int id,
            long permId,
            io.tradergateway.tws.wire.Contract c,
            Order t,
            String status,
            java.math.BigDecimal filled,
            java.math.BigDecimal remaining,
            String warning,
            String reason) {
        return new OrderView(
                id,
                t.orderRef(),
                permId,
                t.account(),
                c.conId(),
                c.symbol(),
                t.action(),
                t.totalQuantity(),
                t.orderType(),
                price(t.lmtPrice()),
                price(t.auxPrice()),
                t.tif(),
                status,
                filled,
                remaining,
                null,
                null,
                warning,
                null,
                reason,
                t.parentId(),
                List.of(),
                null);
    }

    static OrderView fromJournal(OrderJournal.Entry e) {
        return new OrderView(
                e.orderId(),
                e.key(),
                e.permId(),
                e.account(),
                0,
                "",
                "",
                null,
                "",
                null,
                null,
                "",
                e.status(),
                e.filled(),
                null,
                e.avgPrice() == 0 ? null : e.avgPrice(),
                null,
                "",
                null,
                "",
                0,
                List.of(),
                Instant.ofEpochMilli(e.createdAt()));
    }

    private static Double price(double value) {
        return value == Order.UNSET ? null : value;
    }
}
