package io.tradergateway.tws.wire;

/**
 * accountUpdateTime (id 8, version 1): the time of day (TWS local time, "HH:MM") of the last account update of
 * the account chosen with reqAccountUpdates; it names no account (ibapi decoder.py updateAccountTime;
 * rust-ibapi v2.10.0 fixture "8\01\014:30:00\0").
 */
public record AccountUpdateTime(String time) implements ServerMessage {

    public static final int ID = 8;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(time);
    }

    static AccountUpdateTime read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new AccountUpdateTime(fields.readString());
    }
}
