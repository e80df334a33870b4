package io.tradergateway.tws.wire;

import java.util.List;

/**
 * A message whose id has no decoder here. TWS sends many messages a gateway does not need; they are kept as
 * raw fields so that the receiver can log and ignore them instead of failing the connection.
 */
public record UnknownMessage(int messageId, List<String> fields) implements ServerMessage, ClientRequest {

    public UnknownMessage {
        fields = List.copyOf(fields);
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(messageId);
        fields.forEach(writer::add);
    }
}
