package io.tradergateway.tws.wire;

/** cancelPnL (id 93, no version field): reqId (ibapi 10.4x client.py; rust-ibapi v1.2.0 "93|9000|"). */
public record CancelPnL(int reqId) implements ClientRequest, RequestScoped {

    public static final int ID = 93;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId);
    }

    static CancelPnL read(FieldReader f, int serverVersion) {
        return new CancelPnL(f.readInt());
    }
}
