package io.tradergateway.stream;

import io.tradergateway.order.ExecutionView;
import io.tradergateway.order.OrderEvents;
import io.tradergateway.order.OrderReads;
import io.tradergateway.order.OrderView;
import io.tradergateway.order.OrdersResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@code orders} and {@code executions} topics: pushed sources fed by the order feature's {@link OrderEvents}
 * (registered once, for the gateway's life; a topic with no follower drops its events here). {@code orders} starts
 * with the open orders as GET /api/v1/orders lists them, then one event per change of an order's state (an {@link
 * OrderView}); {@code executions} starts with today's fills as GET /api/v1/executions lists them, then one event per
 * new or corrected fill and one when its commission report joins it (an {@link ExecutionView}).
 */
final class OrderTopics implements OrderEvents {

    private final OrderReads reads;
    private final List<Consumer<Object>> orderFollowers = new CopyOnWriteArrayList<>();
    private final List<Consumer<Object>> executionFollowers = new CopyOnWriteArrayList<>();

    OrderTopics(OrderReads reads) {
        this.reads = reads;
    }

    @Override
    public void onOrder(OrderView order) {
        orderFollowers.forEach(publish -> publish.accept(order));
    }

    @Override
    public void onExecution(ExecutionView execution) {
        executionFollowers.forEach(publish -> publish.accept(execution));
    }

    TopicSource orders(Consumer<Object> publish) {
        return follow(orderFollowers, publish, () -> new OrdersResponse(reads.list(false)));
    }

    TopicSource executions(Consumer<Object> publish) {
        return follow(executionFollowers, publish, () -> Map.of("executions", reads.todaysExecutions()));
    }

    private static TopicSource follow(
            List<Consumer<Object>> followers, Consumer<Object> publish, java.util.function.Supplier<Object> snapshot) {
        followers.add(publish);
        return new TopicSource() {
            @Override
            public Object current() {
                return snapshot.get();
            }

            @Override
            public void close() {
                followers.remove(publish);
            }
        };
    }
}
