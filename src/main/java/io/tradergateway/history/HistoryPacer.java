package io.tradergateway.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The pacing scheduler in front of TWS: every historical request goes through here, and is sent at the earliest
 * moment IB's rules ({@link PacingGate}) allow, never earlier, with at most {@code maxOpen} open at TWS.
 *
 * <p>On submission a request is promised a slot (counting what is sent and what is already promised), so its
 * wait is known at once: beyond {@code maxWait} it is refused with the exact time after which a retry fits
 * ({@link HistoryFailure}, 429). At its slot the rules are checked again against what was actually sent (sends
 * can be late by a few ms); a request whose promised slot no longer fits moves to the next one that does.
 *
 * <p>Time comes from the injected clock. Waking up at a slot is the {@link Waker}'s job (a timer thread in the
 * application, nothing in unit tests, which move the clock and call {@link #pump()}).
 */
final class HistoryPacer {

    /** Arranges a call to {@link #pump()} at (or soon after) an instant. */
    interface Waker {
        void wakeAt(Instant when, Runnable pump);
    }

    private final PacingRules rules;
    private final Clock clock;
    private final Waker waker;
    private final PacingGate gate;
    private final List<Entry<?>> queue = new ArrayList<>();
    private int open;
    private long sentTotal;

    private static final class Entry<T> {
        final PacingGate.Mark mark;
        final Instant deadline; // null: part of an accepted download, waits as long as it takes
        final Supplier<CompletableFuture<T>> send;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Entry(PacingGate.Mark mark, Instant deadline, Supplier<CompletableFuture<T>> send) {
            this.mark = mark;
            this.deadline = deadline;
            this.send = send;
        }

        /** Sends the request; returns TWS's answer (what the open count follows, whatever the caller does). */
        CompletableFuture<T> start() {
            CompletableFuture<T> answer;
            try {
                answer = send.get();
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
            return answer;
        }
    }

    HistoryPacer(PacingRules rules, Clock clock, Waker waker) {
        this.rules = rules;
        this.clock = clock;
        this.waker = waker;
        this.gate = new PacingGate(rules);
    }

    /**
     * Queues a request; {@code send} runs (on the pacer's thread) when its slot comes. {@code bounded} requests
     * fail at once with a 429 {@link HistoryFailure} when their slot is more than {@code maxWait} away.
     */
    <T> CompletableFuture<T> submit(PacingGate.Paced request, boolean bounded, Supplier<CompletableFuture<T>> send) {
        Entry<T> entry;
        synchronized (this) {
            Instant now = clock.instant();
            gate.prune(now);
            Instant slot = gate.earliest(request, now, true, null);
            Duration wait = Duration.between(now, slot);
            if (bounded && wait.compareTo(rules.maxWait()) > 0) {
                Duration retryAfter = wait.minus(rules.maxWait());
                throw HistoryFailure.pacing(
                        "IB's pacing rules leave no slot for this request within "
                                + rules.maxWait().toMillis()
                                + " ms (the next is in " + wait.toMillis() + " ms); retry after "
                                + retryAfter.toMillis() + " ms",
                        retryAfter);
            }
            entry = new Entry<>(gate.reserve(request, slot), bounded ? now.plus(rules.maxWait()) : null, send);
            queue.add(entry);
        }
        Entry<T> queued = entry;
        entry.result.whenComplete((value, failure) -> {
            if (queued.result.isCancelled()) {
                waker.wakeAt(clock.instant(), this::pump); // its caller gave up: free its slot now
            }
        });
        pump();
        return entry.result;
    }

    /**
     * Whether a request submitted now would be sent at once: its pacing slot (counting sent requests and promised
     * slots) is now. A download asks before requesting further ahead, so that it never holds slots in the future
     * that interactive requests of other clients could use.
     */
    synchronized boolean slotNow(PacingGate.Paced request) {
        Instant now = clock.instant();
        gate.prune(now);
        return !gate.earliest(request, now, true, null).isAfter(now);
    }

    /** Sends every request whose slot has come (within the open limit), fails those past their wait, re-arms. */
    void pump() {
        List<Entry<?>> starting = new ArrayList<>();
        List<Entry<?>> expired = new ArrayList<>();
        Instant wake;
        synchronized (this) {
            Instant now = clock.instant();
            queue.removeIf(entry -> {
                if (entry.result.isCancelled()) { // nobody waits for it any more: never sent, its slot freed
                    gate.release(entry.mark);
                }
                return entry.result.isCancelled();
            });
            queue.sort(Comparator.comparing(e -> e.mark.at));
            for (Iterator<Entry<?>> it = queue.iterator(); it.hasNext(); ) {
                Entry<?> entry = it.next();
                if (entry.mark.at.isAfter(now) || open >= rules.maxOpen()) {
                    break;
                }
                Instant fits = gate.earliest(entry.mark.request, now, false, entry.mark);
                if (fits.isAfter(now)) {
                    entry.mark.at = fits; // a send ran late: move to the next slot that keeps the rules
                    continue;
                }
                gate.sending(entry.mark, now);
                open++;
                sentTotal++;
                it.remove();
                starting.add(entry);
            }
            for (Iterator<Entry<?>> it = queue.iterator(); it.hasNext(); ) {
                Entry<?> entry = it.next();
                if (entry.deadline != null && entry.deadline.isBefore(now)) {
                    it.remove();
                    gate.release(entry.mark);
                    expired.add(entry);
                }
            }
            wake = queue.stream()
                    .map(e -> e.deadline != null && e.deadline.isBefore(e.mark.at) ? e.deadline : e.mark.at)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            if (open >= rules.maxOpen()) {
                wake = null; // a completion wakes us
            }
        }
        for (Entry<?> entry : expired) {
            entry.result.completeExceptionally(HistoryFailure.pacing(
                    "the request waited " + rules.maxWait().toMillis() + " ms without a free slot (" + rules.maxOpen()
                            + " historical requests open at TWS)",
                    Duration.ofSeconds(1)));
        }
        for (Entry<?> entry : starting) {
            entry.start().whenComplete((value, failure) -> completed());
            synchronized (this) {
                // the rules count from when TWS gets the request: a send that ran late moves the mark with it
                gate.sent(entry.mark, clock.instant());
            }
        }
        if (wake != null) {
            waker.wakeAt(wake, this::pump);
        }
    }

    private void completed() {
        synchronized (this) {
            open--;
        }
        waker.wakeAt(clock.instant(), this::pump);
    }

    public synchronized int queued() {
        return queue.size();
    }

    synchronized int open() {
        return open;
    }

    /** Requests sent to TWS since start (for tests and metrics). */
    synchronized long sentTotal() {
        return sentTotal;
    }
}
