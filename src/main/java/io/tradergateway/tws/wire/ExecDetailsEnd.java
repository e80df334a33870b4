package io.tradergateway.tws.wire;

/** execDetailsEnd (id 55, version 1): reqId; the end of a reqExecutions answer. */
public record ExecDetailsEnd(int reqId) implements ServerMessage, RequestScoped {

    public static final int ID = 55;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(1).add(reqId);
    }

    static ExecDetailsEnd read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ExecDetailsEnd(fields.readInt());
    }
}
