package io.tradergateway.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client's stream: what waits for it. Publishers {@link #offer} and never block: quotes are conflated to the
 * latest per contract, other events wait in a bounded queue, and a client whose queue overflows is ended with a final
 * {@code end} event saying why, so a slow client costs a bounded amount of memory and never slows anyone else. What
 * waits is written by a {@link StreamWriter} on the shared writer pool, woken by {@link #onPending}.
 */
final class ClientStream {

    /** What a writer takes at once: events in id order (the final event last), a heartbeat, whether it ends. */
    record Batch(List<StreamEvent> events, boolean heartbeat, boolean ended) {}

    private final String owner;
    private final Set<String> topics;
    private final int maxQueued;
    private final Object lock = new Object();
    private final Map<String, StreamEvent> conflated = new LinkedHashMap<>();
    private final ArrayDeque<StreamEvent> queued = new ArrayDeque<>();
    private StreamEvent finalEvent;
    private boolean ending;
    private Runnable onOverflow = () -> {};
    private volatile Runnable onPending = () -> {};
    private volatile Runnable onCheck = () -> {};
    private boolean finalTaken;
    private boolean heartbeatDue;
    private Instant lastWrite;

    ClientStream(String owner, Set<String> topics, int maxQueued) {
        this.owner = owner;
        this.topics = Set.copyOf(topics);
        this.maxQueued = maxQueued;
    }

    String owner() {
        return owner;
    }

    Set<String> topics() {
        return topics;
    }

    /** What to do when the queue overflows (the hub builds the final event and ends the stream). */
    void onOverflow(Runnable action) {
        onOverflow = action;
    }

    /** What to do when something waits to be written (the writer schedules itself; must not block). */
    void onPending(Runnable action) {
        onPending = action;
        action.run();
    }

    /** What to do on every check of the clock (the writer looks again at what waits; must not block). */
    void onCheck(Runnable action) {
        onCheck = action;
    }

    /** Takes an event for this client without blocking. */
    void offer(StreamEvent event) {
        boolean overflow = false;
        synchronized (lock) {
            if (ending) {
                return;
            }
            if (event.conflatable()) {
                conflated.remove(event.topic()); // re-inserted: the map stays in arrival order
                conflated.put(event.topic(), event);
            } else if (queued.size() >= maxQueued) {
                overflow = true;
            } else {
                queued.add(event);
            }
        }
        if (overflow) {
            onOverflow.run();
        } else {
            onPending.run();
        }
    }

    /**
     * Queues a topic's snapshot as the first event of that topic: anything of the topic queued before it is older
     * than the snapshot (which was read after it) and is dropped, so a client never sees an update before its base.
     */
    void offerSnapshot(StreamEvent snapshot) {
        synchronized (lock) {
            queued.removeIf(e -> snapshot.topic().equals(e.topic()) && e.id() < snapshot.id());
            StreamEvent latest = conflated.get(snapshot.topic());
            if (latest != null && latest.id() < snapshot.id()) {
                conflated.remove(snapshot.topic());
            }
            queued.add(snapshot);
        }
        onPending.run();
    }

    /**
     * Ends the stream with {@code last}: what waits is still written first unless {@code dropPending} (a client
     * that fell behind gets the final event at once).
     */
    void end(StreamEvent last, boolean dropPending) {
        synchronized (lock) {
            if (ending) {
                return;
            }
            ending = true;
            finalEvent = last;
            if (dropPending) {
                queued.clear();
                conflated.clear();
            }
        }
        onPending.run();
    }

    boolean ending() {
        synchronized (lock) {
            return ending;
        }
    }

    /** Quotes waiting: at most one per contract. */
    int pendingQuotes() {
        synchronized (lock) {
            return conflated.size();
        }
    }

    /** Events waiting (conflated quotes count once per contract). */
    int pending() {
        synchronized (lock) {
            return queued.size() + conflated.size();
        }
    }

    /** A heartbeat is due when nothing was written for {@code every} (checked on the clock by the hub). */
    void heartbeatIfIdle(Instant now, Duration every) {
        synchronized (lock) {
            if (lastWrite == null) {
                lastWrite = now;
            }
            if (now.isBefore(lastWrite.plus(every))) {
                onCheck.run();
                return;
            }
            heartbeatDue = true;
            lastWrite = now;
        }
        onPending.run();
    }

    /** Whether the writer has something to take (an ending stream has: its end). */
    boolean hasWork() {
        synchronized (lock) {
            return !queued.isEmpty() || !conflated.isEmpty() || heartbeatDue || ending;
        }
    }

    /**
     * Takes everything waiting (the writer calls this): events in id order, then the final event once the stream
     * ends; {@code ended} once the final event has been taken (the writer then completes the response).
     */
    Batch drain(Instant now) {
        synchronized (lock) {
            List<StreamEvent> batch = drainLocked();
            if (ending && !finalTaken) {
                finalTaken = true;
                if (finalEvent != null) {
                    batch = new ArrayList<>(batch);
                    batch.add(finalEvent);
                }
            }
            boolean heartbeat = heartbeatDue && batch.isEmpty();
            heartbeatDue = false;
            if (!batch.isEmpty() || heartbeat) {
                lastWrite = now;
            }
            return new Batch(batch, heartbeat, finalTaken);
        }
    }

    /** Everything waiting, in id order (conflated quotes interleave with the queue). */
    private List<StreamEvent> drainLocked() {
        if (queued.isEmpty() && conflated.isEmpty()) {
            return List.of();
        }
        List<StreamEvent> batch = new ArrayList<>(queued.size() + conflated.size());
        batch.addAll(queued);
        batch.addAll(conflated.values());
        queued.clear();
        conflated.clear();
        batch.sort(Comparator.comparingLong(StreamEvent::id));
        return batch;
    }
}
