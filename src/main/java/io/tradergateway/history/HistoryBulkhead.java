package io.tradergateway.history;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * History's own bulkhead: a fixed number of history requests may be in progress (waiting for pacing, fetching or
 * streaming); the next is refused at once with 503 history-busy. A history request can hold a server thread while
 * it waits for its first bars, so without this a flood of history requests could take every thread and starve
 * positions, accounts and status.
 */
final class HistoryBulkhead {

    private final Semaphore permits;
    private final int size;

    HistoryBulkhead(int size) {
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /** One permit, released exactly once by closing it. */
    final class Permit implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    Permit enter() {
        if (!permits.tryAcquire()) {
            throw new HistoryFailure(
                    HistoryFailure.Kind.BUSY,
                    size + " history requests are already in progress; retry shortly",
                    java.time.Duration.ofSeconds(1),
                    0);
        }
        return new Permit();
    }

    int inUse() {
        return size - permits.availablePermits();
    }
}
