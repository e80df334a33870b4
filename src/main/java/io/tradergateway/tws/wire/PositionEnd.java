package io.tradergateway.tws.wire;

/** positionEnd (id 62, version 1): the initial position snapshot is complete (ibapi decoder.py). */
public record PositionEnd() implements ServerMessage {

    public static final int ID = 62;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION);
    }

    static PositionEnd read(FieldReader fields, int serverVersion) {
        if (fields.hasMore()) {
            fields.skip(); // version
        }
        return new PositionEnd();
    }
}
