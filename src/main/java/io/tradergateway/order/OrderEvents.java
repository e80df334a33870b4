package io.tradergateway.order;

/**
 * Order and execution events, in process, for whoever wants to stream them (the SSE hub's {@code orders} and
 * {@code executions} topics): register with {@link OrderService#addListener}. Called on the TWS reader thread (or
 * the reconciler's), once per change of an order's state and once per new, corrected or commission-completed
 * execution; keep it quick and never block.
 */
public interface OrderEvents {

    default void onOrder(OrderView order) {}

    default void onExecution(ExecutionView execution) {}
}
