package io.tradergateway.tws.wire;

/**
 * cancelOrder (id 4): version 1 below 192 (MIN_SERVER_VER_CME_TAGGING_FIELDS), orderId, manualOrderCancelTime
 * (169+), the RFQ fields of 187..189 ("", "", UNSET_INTEGER), extOperator and manualOrderIndicator (192+; unset
 * written as 2147483647) (ibapi 10.41 client.py cancelOrder).
 */
public record CancelOrder(int orderId) implements ClientRequest, OrderScoped {

    public static final int ID = 4;
    static final int MANUAL_ORDER_TIME = 169;

    @Override
    public void writeTo(MessageWriter w, int sv) {
        w.add(ID);
        if (sv < PlaceOrder.CME_TAGGING_FIELDS) {
            w.add(1);
        }
        w.add(orderId);
        if (sv >= MANUAL_ORDER_TIME) {
            w.add("");
        }
        if (sv >= PlaceOrder.RFQ_FIELDS && sv < PlaceOrder.UNDO_RFQ_FIELDS) {
            w.add("").add("").add(PlaceOrder.PY_UNSET_INT);
        }
        if (sv >= PlaceOrder.CME_TAGGING_FIELDS) {
            w.add("").add(PlaceOrder.PY_UNSET_INT);
        }
    }

    static CancelOrder read(FieldReader f, int sv) {
        if (sv < PlaceOrder.CME_TAGGING_FIELDS) {
            f.skip();
        }
        return new CancelOrder(f.readInt());
    }
}
