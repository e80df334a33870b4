package io.tradergateway.tws.wire;

/** A message that knows how to write its fields for the server version negotiated on a connection. */
public interface WireMessage {

    /** Writes every field, the message id first, in the order and shape of {@code serverVersion}. */
    void writeTo(MessageWriter writer, int serverVersion);

    /** The framed bytes (length prefix + fields) for {@code serverVersion}. */
    default byte[] toFrame(int serverVersion) {
        MessageWriter writer = new MessageWriter();
        writeTo(writer, serverVersion);
        return writer.toFrame();
    }

    /** The payload alone (fields without the length prefix), as a decoder receives it. */
    default byte[] payload(int serverVersion) {
        MessageWriter writer = new MessageWriter();
        writeTo(writer, serverVersion);
        return writer.payload();
    }
}
