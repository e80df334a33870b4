package io.tradergateway.tws.wire;

/** completedOrdersEnd (id 102, no fields): the end of a reqCompletedOrders answer. */
public record CompletedOrdersEnd() implements ServerMessage {

    public static final int ID = 102;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID);
    }

    static CompletedOrdersEnd read(FieldReader fields, int serverVersion) {
        return new CompletedOrdersEnd();
    }
}
