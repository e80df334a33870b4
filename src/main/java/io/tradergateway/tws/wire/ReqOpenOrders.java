package io.tradergateway.tws.wire;

/**
 * reqOpenOrders (id 5, version 1): this client's open orders; reqAllOpenOrders (id 16, version 1): those of every
 * API client and TWS itself. Answered by openOrder / orderStatus messages and openOrderEnd.
 *
 * @param all true for reqAllOpenOrders
 */
public record ReqOpenOrders(boolean all) implements ClientRequest {

    public static final int ID = 5;
    public static final int ALL_ID = 16;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(all ? ALL_ID : ID).add(1);
    }

    static ReqOpenOrders readOwn(FieldReader fields, int serverVersion) {
        return new ReqOpenOrders(false);
    }

    static ReqOpenOrders readAll(FieldReader fields, int serverVersion) {
        return new ReqOpenOrders(true);
    }
}
