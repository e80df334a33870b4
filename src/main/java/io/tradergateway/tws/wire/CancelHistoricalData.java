package io.tradergateway.tws.wire;

/** cancelHistoricalData (id 25, version 1): reqId (ibapi client.py cancelHistoricalData). */
public record CancelHistoricalData(int reqId) implements ClientRequest, RequestScoped {

    public static final int ID = 25;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId);
    }

    static CancelHistoricalData read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new CancelHistoricalData(fields.readInt());
    }
}
