package io.tradergateway.tws.wire;

/** cancelPositions (id 64, version 1) (ibapi client.py cancelPositions; rust-ibapi fixture "64|1|"). */
public record CancelPositions() implements ClientRequest {

    public static final int ID = 64;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION);
    }

    static CancelPositions read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new CancelPositions();
    }
}
