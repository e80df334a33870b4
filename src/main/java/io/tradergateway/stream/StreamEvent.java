package io.tradergateway.stream;

import java.nio.charset.StandardCharsets;

/**
 * One event as every client receives it, serialized once: {@code id} (increasing over the whole gateway run), the
 * SSE event type, {@code data} (a JSON object {@code {"topic":..., "snapshot":..., "data":...}}) and its SSE frame
 * bytes, rendered once when the event is made and shared by every client of its topic.
 */
public final class StreamEvent {

    private final long id;
    private final String type;
    private final String topic;
    private final String data;
    private final byte[] frame;

    /**
     * @param topic the topic key, or null for stream-level events (reset, end)
     */
    public StreamEvent(long id, String type, String topic, String data) {
        this.id = id;
        this.type = type;
        this.topic = topic;
        this.data = data;
        this.frame = ("id:" + id + "\nevent:" + type + "\ndata:" + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    public long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public String data() {
        return data;
    }

    /** The SSE wire form (id, event and data lines, then a blank line), UTF-8; callers must not change it. */
    byte[] frame() {
        return frame;
    }

    boolean conflatable() {
        return "quote".equals(type);
    }

    @Override
    public String toString() {
        return "StreamEvent[id=" + id + ", type=" + type + ", topic=" + topic + "]";
    }
}
