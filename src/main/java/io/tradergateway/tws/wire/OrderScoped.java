package io.tradergateway.tws.wire;

/** A message about one order, identified by the order id the client gave it (orderStatus, openOrder, ...). */
public interface OrderScoped {

    int orderId();
}
