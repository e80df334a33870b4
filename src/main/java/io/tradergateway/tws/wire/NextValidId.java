package io.tradergateway.tws.wire;

/** nextValidId (id 9, version 1): orderId (ibapi decoder.py, NEXT_VALID_ID). */
public record NextValidId(long orderId) implements ServerMessage {

    public static final int ID = 9;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(orderId);
    }

    static NextValidId read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new NextValidId(fields.readLong());
    }
}
