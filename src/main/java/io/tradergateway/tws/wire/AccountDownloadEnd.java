package io.tradergateway.tws.wire;

/**
 * accountDownloadEnd (id 54, version 1): the first full download of an account's values and portfolio after
 * reqAccountUpdates is complete (ibapi decoder.py accountDownloadEnd; rust-ibapi v2.10.0 fixture
 * "54\01\0DU1234567\0").
 */
public record AccountDownloadEnd(String account) implements ServerMessage {

    public static final int ID = 54;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(account);
    }

    static AccountDownloadEnd read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new AccountDownloadEnd(fields.readString());
    }
}
