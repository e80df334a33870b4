package io.tradergateway.tws.wire;

/** cancelPnLSingle (id 95, no version field): reqId (ibapi 10.4x client.py; rust-ibapi v1.2.0 "95|9000|"). */
public record CancelPnLSingle(int reqId) implements ClientRequest, RequestScoped {

    public static final int ID = 95;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId);
    }

    static CancelPnLSingle read(FieldReader f, int serverVersion) {
        return new CancelPnLSingle(f.readInt());
    }
}
