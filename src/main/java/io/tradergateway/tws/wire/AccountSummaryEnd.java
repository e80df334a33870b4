package io.tradergateway.tws.wire;

/** accountSummaryEnd (id 64, version 1): reqId (ibapi decoder.py; rust-ibapi fixture "64\01\0123\0"). */
public record AccountSummaryEnd(int reqId) implements ServerMessage, RequestScoped {

    public static final int ID = 64;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId);
    }

    static AccountSummaryEnd read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new AccountSummaryEnd(fields.readInt());
    }
}
