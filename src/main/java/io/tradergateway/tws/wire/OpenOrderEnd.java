package io.tradergateway.tws.wire;

/** openOrderEnd (id 53, version 1): the end of a reqOpenOrders / reqAllOpenOrders answer. */
public record OpenOrderEnd() implements ServerMessage {

    public static final int ID = 53;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(1);
    }

    static OpenOrderEnd read(FieldReader fields, int serverVersion) {
        return new OpenOrderEnd();
    }
}
