package io.tradergateway.tws.wire;

/**
 * TWS's answer to {@link ClientHello}: one frame with two fields, the negotiated server version and the
 * connection time as TWS prints it ("yyyyMMdd HH:mm:ss zone"). It has no message id (ibapi client.py connect
 * reads {@code (server_version, conn_time) = fields}).
 */
public record ServerHello(int serverVersion, String connectionTime) implements WireMessage {

    @Override
    public void writeTo(MessageWriter writer, int ignored) {
        writer.add(serverVersion).add(connectionTime);
    }

    public static ServerHello read(byte[] payload) {
        FieldReader fields = new FieldReader(payload);
        int version = fields.readInt();
        String time = fields.hasMore() ? fields.readString() : "";
        if (version <= 0) {
            throw new ProtocolException("server announced no usable version: " + version);
        }
        return new ServerHello(version, time);
    }
}
