package io.tradergateway.tws.wire;

/**
 * tickReqParams (id 81, no version field): reqId, minTick, bboExchange, snapshotPermissions, sent when a line
 * starts (ibapi 10.4x decoder.py processTickReqParams).
 */
public record TickReqParams(int reqId, double minTick, String bboExchange, int snapshotPermissions)
        implements ServerMessage, RequestScoped {

    public static final int ID = 81;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId).add(minTick).add(bboExchange).add(snapshotPermissions);
    }

    static TickReqParams read(FieldReader f, int serverVersion) {
        return new TickReqParams(f.readInt(), f.readDouble(), f.readString(), f.readInt());
    }
}
