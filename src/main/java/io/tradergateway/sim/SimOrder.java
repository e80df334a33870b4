package io.tradergateway.sim;

import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.Order;
import io.tradergateway.tws.wire.OrderState;
import io.tradergateway.tws.wire.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One order at the simulator's desk, as TWS keeps it: mutable, guarded by the desk's lock. */
final class SimOrder {

    final int clientId;
    final int orderId;
    final long permId;
    final SimContract contract;
    Order order;
    String status = "PreSubmitted";
    BigDecimal filled = BigDecimal.ZERO;
    double avgFillPrice;
    double lastFillPrice;
    boolean triggered;
    double extreme = Double.NaN; // trailing orders: best price seen since activation
    long lastFillStep = Long.MIN_VALUE;
    String completedTime = "";
    String warning = "";
    java.time.Instant ackAt; // a delayed acknowledgement not yet sent

    SimOrder(int clientId, int orderId, long permId, SimContract contract, Order order) {
        this.clientId = clientId;
        this.orderId = orderId;
        this.permId = permId;
        this.contract = contract;
        this.order = order;
    }

    BigDecimal remaining() {
        return order.totalQuantity().subtract(filled).max(BigDecimal.ZERO);
    }

    boolean done() {
        return status.equals("Filled") || status.equals("Cancelled") || status.equals("Inactive");
    }

    boolean buy() {
        return order.action().equalsIgnoreCase("BUY");
    }

    void fill(BigDecimal quantity, double price) {
        BigDecimal before = filled;
        filled = filled.add(quantity);
        avgFillPrice = BigDecimal.valueOf(avgFillPrice)
                .multiply(before)
                .add(BigDecimal.valueOf(price).multiply(quantity))
                .divide(filled, 8, RoundingMode.HALF_UP)
                .doubleValue();
        lastFillPrice = price;
        status = remaining().signum() == 0 ? "Filled" : "Submitted";
    }

    OpenOrder openOrder() {
        OrderState state = OrderState.of(status);
        if (!warning.isEmpty()) {
            state = new OrderState(
                    status,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    state.commission(),
                    state.minCommission(),
                    state.maxCommission(),
                    "",
                    "",
                    warning);
        }
        return new OpenOrder(orderId, contract.toWire(), order, clientId, permId, state);
    }

    OrderStatus orderStatus() {
        return new OrderStatus(
                orderId,
                status,
                filled,
                remaining(),
                avgFillPrice,
                permId,
                order.parentId(),
                lastFillPrice,
                clientId,
                "",
                0);
    }
}
