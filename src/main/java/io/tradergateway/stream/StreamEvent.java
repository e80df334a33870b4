package io.tradergateway.stream;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One event as every client receives it, serialized once: {@code id} (increasing over the whole gateway run), the
 * SSE event type, {@code data} (a JSON object {@code {"topic":..., "snapshot":..., "data":...}}) and its SSE frame
 * bytes, shared by every client of its topic. A quote's data is rendered when a writer first takes it (once, for all
 * its clients), so the quotes that conflation drops before anyone reads them are never serialized.
 */
public final class StreamEvent {

    private final long id;
    private final String type;
    private final String topic;
    private Supplier<String> render; // until rendered
    private volatile String data;
    private volatile byte[] frame;

    /**
     * @param topic the topic key, or null for stream-level events (reset, end)
     */
    public StreamEvent(long id, String type, String topic, String data) {
        this.id = id;
        this.type = type;
        this.topic = topic;
        this.data = data;
    }

    /** An event whose data is rendered on first use by {@code render} (of an immutable value). */
    StreamEvent(long id, String type, String topic, Supplier<String> render) {
        this.id = id;
        this.type = type;
        this.topic = topic;
        this.render = render;
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
        String rendered = data;
        if (rendered == null) {
            synchronized (this) {
                if (data == null) {
                    data = render.get();
                    render = null;
                }
                rendered = data;
            }
        }
        return rendered;
    }

    /** The SSE wire form (id, event and data lines, then a blank line), UTF-8; callers must not change it. */
    byte[] frame() {
        byte[] bytes = frame;
        if (bytes == null) {
            bytes = ("id:" + id + "\nevent:" + type + "\ndata:" + data() + "\n\n").getBytes(StandardCharsets.UTF_8);
            frame = bytes; // two writers may both build it: the same bytes
        }
        return bytes;
    }

    boolean conflatable() {
        return "quote".equals(type);
    }

    @Override
    public String toString() {
        return "StreamEvent[id=" + id + ", type=" + type + ", topic=" + topic + "]";
    }
}
