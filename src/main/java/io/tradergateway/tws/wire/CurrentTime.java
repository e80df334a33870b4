package io.tradergateway.tws.wire;

/** currentTime (id 49, version 1): TWS's clock in epoch seconds (ibapi decoder.py, CURRENT_TIME). */
public record CurrentTime(long epochSeconds) implements ServerMessage {

    public static final int ID = 49;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(epochSeconds);
    }

    static CurrentTime read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new CurrentTime(fields.readLong());
    }
}
