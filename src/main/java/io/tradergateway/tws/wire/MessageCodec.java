package io.tradergateway.tws.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * A table from message id to the reader of that message. Adding a message to the protocol is one record
 * with a {@code read} method and one {@link Builder#add} line in {@link ServerMessages} or
 * {@link ClientRequests}.
 *
 * @param <T> the direction: {@link ServerMessage} or {@link ClientRequest}
 */
public final class MessageCodec<T extends WireMessage> {

    /** Reads the fields that follow the message id. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(FieldReader fields, int serverVersion);
    }

    private final Map<Integer, Reader<? extends T>> readers;
    private final Class<T> direction;

    private MessageCodec(Map<Integer, Reader<? extends T>> readers, Class<T> direction) {
        this.readers = Map.copyOf(readers);
        this.direction = direction;
    }

    public static <T extends WireMessage> Builder<T> builder(Class<T> direction) {
        return new Builder<>(direction);
    }

    /**
     * Decodes one frame payload. An id without a reader becomes an {@link UnknownMessage}; malformed fields
     * raise {@link ProtocolException} naming the message.
     */
    public T decode(byte[] payload, int serverVersion) {
        FieldReader fields = new FieldReader(payload);
        int id = fields.readInt();
        Reader<? extends T> reader = readers.get(id);
        if (reader == null) {
            return direction.cast(new UnknownMessage(id, fields.remaining()));
        }
        try {
            return reader.read(fields, serverVersion);
        } catch (ProtocolException e) {
            throw new ProtocolException(
                    "message " + id + " (server version " + serverVersion + "): " + e.getMessage(), e);
        }
    }

    public boolean knows(int messageId) {
        return readers.containsKey(messageId);
    }

    public static final class Builder<T extends WireMessage> {
        private final Map<Integer, Reader<? extends T>> readers = new HashMap<>();
        private final Class<T> direction;

        private Builder(Class<T> direction) {
            this.direction = direction;
        }

        public Builder<T> add(int messageId, Reader<? extends T> reader) {
            if (readers.putIfAbsent(messageId, reader) != null) {
                throw new IllegalStateException("two readers for message id " + messageId);
            }
            return this;
        }

        public MessageCodec<T> build() {
            return new MessageCodec<>(readers, direction);
        }
    }
}
