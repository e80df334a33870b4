package io.tradergateway.tws.wire;

/**
 * reqPnL (id 92, no version field): reqId, account, modelCode; answered by pnl (94) messages until cancelPnL
 * (ibapi 10.4x client.py reqPnL; rust-ibapi v1.2.0 src/accounts/tests.rs "92|9000|DU1234567|TARGET2024|").
 */
public record ReqPnL(int reqId, String account, String modelCode) implements ClientRequest, RequestScoped {

    public static final int ID = 92;

    public ReqPnL {
        modelCode = modelCode == null ? "" : modelCode;
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId).add(account).add(modelCode);
    }

    static ReqPnL read(FieldReader f, int serverVersion) {
        return new ReqPnL(f.readInt(), f.readString(), f.readString());
    }
}
