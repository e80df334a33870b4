package io.tradergateway.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Event ids and the most recent events of every topic, for Last-Event-ID resume: a fixed ring, so memory is bounded
 * whatever the event rate. A gap older than the ring cannot be replayed; the stream then starts over with
 * {@code reset}. Ids come from one sequence (also for per-client snapshots, which are not kept), so they increase
 * over the whole run.
 */
final class ReplayBuffer {

    private final StreamEvent[] ring;
    private long count;
    private long lastId;
    private long evictedUpTo;

    ReplayBuffer(int capacity) {
        ring = new StreamEvent[capacity];
    }

    /** A new event, kept for replay. */
    synchronized StreamEvent append(String type, String topic, String data) {
        return keep(new StreamEvent(++lastId, type, topic, data));
    }

    /** A new event rendered when first written (its value must not change), kept for replay. */
    synchronized StreamEvent append(String type, String topic, Supplier<String> data) {
        return keep(new StreamEvent(++lastId, type, topic, data));
    }

    private StreamEvent keep(StreamEvent event) {
        int slot = (int) (count++ % ring.length);
        if (ring[slot] != null) {
            evictedUpTo = ring[slot].id();
        }
        ring[slot] = event;
        return event;
    }

    /** A new event for one client only (a snapshot, a reset): an id, not kept. */
    synchronized StreamEvent single(String type, String topic, String data) {
        return new StreamEvent(++lastId, type, topic, data);
    }

    /** An id for an event built afterwards (a snapshot: its id is taken before its state is read). */
    synchronized long reserve() {
        return ++lastId;
    }

    synchronized long lastId() {
        return lastId;
    }

    /**
     * The kept events after {@code after} of these topics, oldest first; null when an event after it may have been
     * dropped from the ring already, or the id was never given out (an id from before a restart).
     */
    synchronized List<StreamEvent> after(long after, Set<String> topics) {
        if (after < evictedUpTo || after > lastId) {
            return null;
        }
        List<StreamEvent> missed = new ArrayList<>();
        long held = Math.min(count, ring.length);
        for (long i = count - held; i < count; i++) {
            StreamEvent event = ring[(int) (i % ring.length)];
            if (event.id() > after && topics.contains(event.topic())) {
                missed.add(event);
            }
        }
        return missed;
    }
}
