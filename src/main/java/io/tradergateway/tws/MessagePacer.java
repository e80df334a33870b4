package io.tradergateway.tws;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Keeps the gateway under IB's limit of 50 messages per second from one client (error 100 otherwise, and
 * TWS may drop a client that keeps exceeding it). A sliding window rather than a token bucket, because a
 * bucket lets a full burst plus a second's refill through in the same second: here message n+rate never goes
 * out less than {@link #WINDOW} after message n, so no second ever holds more than {@code rate}, even
 * with a quarter second of delivery jitter.
 * Time and waiting are injected so tests run on a fake clock.
 */
final class MessagePacer {

    /**
     * The window: a second plus a quarter-second margin, because TWS counts arrivals, not our sends, and the
     * network and TWS's own reader can bunch messages that left here well spaced (seen in tests against the
     * simulator: a full-second window still drew an occasional error 100).
     */
    static final long WINDOW = 1_250_000_000L;

    /** Waits the given nanoseconds (real: parkNanos). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos);
    }

    private final long[] sentAt; // send times of the last `rate` messages, a ring
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private int next;

    MessagePacer(int ratePerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 message per second");
        }
        this.sentAt = new long[ratePerSecond];
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        Arrays.fill(sentAt, nanoTime.getAsLong() - WINDOW);
    }

    static MessagePacer realTime(int ratePerSecond) {
        return new MessagePacer(ratePerSecond, System::nanoTime, LockSupport::parkNanos);
    }

    /** Reserves the earliest allowed send time for one message and waits until then. */
    void acquire() {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = Math.max(now, sentAt[next] + WINDOW);
            sentAt[next] = slot;
            next = (next + 1) % sentAt.length;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }
}
