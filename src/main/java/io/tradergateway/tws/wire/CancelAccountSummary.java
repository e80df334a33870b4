package io.tradergateway.tws.wire;

/** cancelAccountSummary (id 63, version 1): reqId (ibapi client.py; rust-ibapi fixture "63|1|9000|"). */
public record CancelAccountSummary(int reqId) implements ClientRequest, RequestScoped {

    public static final int ID = 63;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId);
    }

    static CancelAccountSummary read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new CancelAccountSummary(fields.readInt());
    }
}
