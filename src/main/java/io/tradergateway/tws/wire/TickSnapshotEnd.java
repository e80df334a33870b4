package io.tradergateway.tws.wire;

/**
 * tickSnapshotEnd (id 57): version, reqId: a snapshot request is complete and TWS has ended the line (ibapi
 * 10.4x decoder.py: the EWrapper.tickSnapshotEnd signature).
 */
public record TickSnapshotEnd(int reqId) implements ServerMessage, RequestScoped {

    public static final int ID = 57;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId);
    }

    static TickSnapshotEnd read(FieldReader f, int serverVersion) {
        f.skip(); // version
        return new TickSnapshotEnd(f.readInt());
    }
}
