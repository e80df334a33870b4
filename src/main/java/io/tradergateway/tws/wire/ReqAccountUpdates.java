package io.tradergateway.tws.wire;

/**
 * reqAccountUpdates (id 6, version 2): subscribe (true) or unsubscribe (false), account code. TWS streams one
 * account at a time: subscribing to another account replaces the previous one (ibapi client.py
 * reqAccountUpdates; rust-ibapi v2.10.0 fixture "6\02\01\0DU1234567\0" in src/client/async.rs).
 */
public record ReqAccountUpdates(boolean subscribe, String account) implements ClientRequest {

    public static final int ID = 6;
    private static final int VERSION = 2;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(subscribe).add(account);
    }

    static ReqAccountUpdates read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ReqAccountUpdates(fields.readBool(), fields.readString());
    }
}
