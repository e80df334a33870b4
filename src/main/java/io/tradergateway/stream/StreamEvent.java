package io.tradergateway.stream;

/**
 * One event as every client receives it, serialized once: {@code id} (increasing over the whole gateway run),
 * the SSE event type, and {@code data}, a JSON object {@code {"topic":..., "snapshot":..., "data":...}}.
 *
 * @param topic the topic key, or null for stream-level events (reset, end)
 */
public record StreamEvent(long id, String type, String topic, String data) {

    /** The SSE wire form: id, event and data lines, then a blank line. */
    String wire() {
        return "id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n";
    }

    boolean conflatable() {
        return "quote".equals(type);
    }
}
