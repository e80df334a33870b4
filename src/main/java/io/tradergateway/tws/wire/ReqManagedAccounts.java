package io.tradergateway.tws.wire;

/** reqManagedAccts (id 17, version 1). Answered by managedAccounts (ibapi client.py reqManagedAccts). */
public record ReqManagedAccounts() implements ClientRequest {

    public static final int ID = 17;
    private static final int VERSION = 1;

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION);
    }

    static ReqManagedAccounts read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        return new ReqManagedAccounts();
    }
}
