package io.tradergateway.tws.wire;

/**
 * reqPositions (id 61, version 1): subscribe to positions of all accounts; answered by position messages,
 * positionEnd, then updates (ibapi client.py reqPositions; rust-ibapi fixture "61\01\0").
 */
public record ReqPositions() implements ClientRequest {

    public static final int ID = 61;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION);
    }

    static ReqPositions read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ReqPositions();
    }
}
