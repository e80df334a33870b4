package io.tradergateway.tws.wire;

/**
 * accountSummary (id 63, version 1): reqId, account, tag, value, currency (ibapi decoder.py; rust-ibapi
 * fixture "63\01\0123\0DU1234567\0NetLiquidation\0123456.78\0USD\0").
 */
public record AccountSummary(int reqId, String account, String tag, String value, String currency)
        implements ServerMessage, RequestScoped {

    public static final int ID = 63;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(reqId).add(account).add(tag).add(value).add(currency);
    }

    static AccountSummary read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new AccountSummary(
                fields.readInt(), fields.readString(), fields.readString(), fields.readString(), fields.readString());
    }
}
