package io.tradergateway.tws.wire;

/**
 * reqPnLSingle (id 94, no version field): reqId, account, modelCode, conId; answered by pnlSingle (95) messages
 * until cancelPnLSingle (ibapi 10.4x client.py reqPnLSingle; rust-ibapi v1.2.0 src/accounts/tests.rs
 * "94|9000|DU1234567|TARGET2024|1001|").
 */
public record ReqPnLSingle(int reqId, String account, String modelCode, int conId)
        implements ClientRequest, RequestScoped {

    public static final int ID = 94;

    public ReqPnLSingle {
        modelCode = modelCode == null ? "" : modelCode;
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(reqId).add(account).add(modelCode).add(conId);
    }

    static ReqPnLSingle read(FieldReader f, int serverVersion) {
        return new ReqPnLSingle(f.readInt(), f.readString(), f.readString(), f.readInt());
    }
}
