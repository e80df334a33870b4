package io.tradergateway.order;

import io.tradergateway.tws.wire.Contract;
import io.tradergateway.tws.wire.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** One of this gateway's orders, kept live; fields guarded by the {@link OrderBook}'s lock. */
final class LiveOrder {

    final String key;
    final int orderId;
    Contract contract; // a restored order learns its contract and terms from TWS's openOrder
    boolean restored;
    Order order;
    long permId;
    String status;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal remaining;
    double avgFillPrice;
    double lastFillPrice;
    String warning = "";
    Integer ibCode;
    String rejectReason = "";
    Instant updatedAt;
    final List<Integer> children = new CopyOnWriteArrayList<>();
    /** Completed by TWS's first answer (openOrder / orderStatus) or its refusal. */
    final CompletableFuture<LiveOrder> ack = new CompletableFuture<>();
    /** A modification or cancel in flight: completed by the next status or a refusal. */
    volatile CompletableFuture<LiveOrder> change;
    /** Whether {@link #change} waits for an end state (a cancel) rather than the next status (a modification). */
    volatile boolean changeToEnd;

    LiveOrder(String key, int orderId, Contract contract, Order order, String status, Instant at) {
        this.key = key;
        this.orderId = orderId;
        this.contract = contract;
        this.order = order;
        this.status = status;
        this.remaining = order.totalQuantity();
        this.updatedAt = at;
    }

    boolean done() {
        return switch (status) {
            case "Filled", "Cancelled", "ApiCancelled", "Inactive", "Rejected", "NotFound" -> true;
            default -> false;
        };
    }

    OrderView view() {
        return new OrderView(
                orderId,
                key,
                permId,
                order.account(),
                contract.conId(),
                contract.symbol(),
                order.action(),
                order.totalQuantity(),
                order.orderType(),
                price(order.lmtPrice()),
                price(order.auxPrice()),
                order.tif(),
                status,
                filled,
                remaining,
                filled.signum() == 0 ? null : avgFillPrice,
                filled.signum() == 0 ? null : lastFillPrice,
                warning,
                ibCode,
                rejectReason,
                order.parentId(),
                List.copyOf(children),
                updatedAt);
    }

    private static Double price(double value) {
        return value == Order.UNSET ? null : value;
    }
}
