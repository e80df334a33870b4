package io.tradergateway.stream;

import java.io.IOException;
import java.time.Clock;
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
 * One client's stream: what waits for it and the loop that writes it. Publishers {@link #offer} and never block:
 * quotes are conflated to the latest per contract, other events wait in a bounded queue, and a client whose queue
 * overflows is ended with a final {@code end} event saying why, so a slow client costs a bounded amount of memory
 * and never slows anyone else. The writer ({@link #run}) has its own thread: a client that reads nothing blocks
 * only that thread (until the server's write timeout ends the connection).
 */
final class ClientStream {

    /** Where the events go (the HTTP response). */
    interface Sink {
        void event(StreamEvent event) throws IOException;

        void comment(String text) throws IOException;

        void complete();
    }

    private final String owner;
    private final Set<String> topics;
    private final int maxQueued;
    private final Object lock = new Object();
    private final Map<String, StreamEvent> conflated = new LinkedHashMap<>();
    private final ArrayDeque<StreamEvent> queued = new ArrayDeque<>();
    private StreamEvent finalEvent;
    private boolean ending;
    private Runnable onOverflow = () -> {};

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
            lock.notifyAll();
        }
        if (overflow) {
            onOverflow.run();
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
            lock.notifyAll();
        }
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
            lock.notifyAll();
        }
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

    /** Writes until the stream ends or the client goes away; heartbeats after {@code heartbeat} of silence. */
    void run(Sink sink, Clock clock, Duration heartbeat, Duration checkEvery) {
        Instant lastWrite = clock.instant();
        try {
            while (true) {
                List<StreamEvent> batch;
                StreamEvent last;
                boolean done;
                synchronized (lock) {
                    if (queued.isEmpty() && conflated.isEmpty() && !ending) {
                        lock.wait(Math.max(1, checkEvery.toMillis()));
                    }
                    batch = drainLocked();
                    done = ending;
                    last = ending ? finalEvent : null;
                }
                for (StreamEvent event : batch) {
                    sink.event(event);
                }
                if (done) {
                    if (last != null) {
                        sink.event(last);
                    }
                    return;
                }
                Instant now = clock.instant();
                if (!batch.isEmpty()) {
                    lastWrite = now;
                } else if (!now.isBefore(lastWrite.plus(heartbeat))) {
                    sink.comment("heartbeat");
                    lastWrite = now;
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the response was already completed): nothing more to write
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end(null, true);
            sink.complete();
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
