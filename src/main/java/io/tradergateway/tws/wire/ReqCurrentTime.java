package io.tradergateway.tws.wire;

/** reqCurrentTime (id 49, version 1), no other field. Answered by currentTime (ibapi client.py). */
public record ReqCurrentTime() implements ClientRequest {

    public static final int ID = 49;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION);
    }

    static ReqCurrentTime read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ReqCurrentTime();
    }
}
