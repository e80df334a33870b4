package io.tradergateway.tws.wire;

/** reqIds (id 8, version 1): numIds. Answered by nextValidId (ibapi client.py reqIds). */
public record ReqIds(int numIds) implements ClientRequest {

    public static final int ID = 8;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(numIds);
    }

    static ReqIds read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ReqIds(fields.readInt());
    }
}
