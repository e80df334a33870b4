package io.tradergateway.tws.wire;

/**
 * accountValue (id 6, version 2): one key of the account chosen with reqAccountUpdates: key, value, currency,
 * accountName (ibapi decoder.py updateAccountValue; rust-ibapi v2.10.0 fixture
 * "6\02\0NetLiquidation\0123456.78\0USD\0DU1234567\0"). Values are text: most are numbers, some are not
 * (AccountType).
 */
public record AccountValue(String key, String value, String currency, String account) implements ServerMessage {

    public static final int ID = 6;
    private static final int VERSION = 2;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(key).add(value).add(currency).add(account);
    }

    static AccountValue read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new AccountValue(fields.readString(), fields.readString(), fields.readString(), fields.readString());
    }
}
