package io.tradergateway.tws.wire;

/**
 * startApi (id 71, version 2): clientId, then optionalCapabilities from server version 72
 * (ibapi client.py startApi; EClient.java startAPI).
 */
public record StartApi(int clientId, String optionalCapabilities) implements ClientRequest {

    public static final int ID = 71;
    private static final int VERSION = 2;

    public StartApi {
        optionalCapabilities = optionalCapabilities == null ? "" : optionalCapabilities;
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(clientId);
        if (serverVersion >= ServerVersions.OPTIONAL_CAPABILITIES) {
            writer.add(optionalCapabilities);
        }
    }

    static StartApi read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        int clientId = fields.readInt();
        String capabilities =
                serverVersion >= ServerVersions.OPTIONAL_CAPABILITIES && fields.hasMore() ? fields.readString() : "";
        return new StartApi(clientId, capabilities);
    }
}
