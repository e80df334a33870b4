package io.tradergateway.tws.wire;

/**
 * reqGlobalCancel (id 58): version 1 below 192; from 192 extOperator and manualOrderIndicator (unset:
 * 2147483647) instead (ibapi 10.41 client.py reqGlobalCancel). Cancels every open order of every client.
 */
public record ReqGlobalCancel() implements ClientRequest {

    public static final int ID = 58;

    @Override
    public void writeTo(MessageWriter w, int sv) {
        w.add(ID);
        if (sv < PlaceOrder.CME_TAGGING_FIELDS) {
            w.add(1);
        } else {
            w.add("").add(PlaceOrder.PY_UNSET_INT);
        }
    }

    static ReqGlobalCancel read(FieldReader f, int sv) {
        return new ReqGlobalCancel();
    }
}
