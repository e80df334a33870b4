package io.tradergateway.tws.wire;

/** reqCompletedOrders (id 99): apiOnly. Answered by completedOrder messages and completedOrdersEnd. */
public record ReqCompletedOrders(boolean apiOnly) implements ClientRequest {

    public static final int ID = 99;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(apiOnly);
    }

    static ReqCompletedOrders read(FieldReader fields, int serverVersion) {
        return new ReqCompletedOrders(fields.readBool());
    }
}
