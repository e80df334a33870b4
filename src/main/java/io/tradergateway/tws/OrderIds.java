package io.tradergateway.tws;

import java.time.Duration;

/**
 * The order ids of one session: TWS's nextValidId is the first one the client may use, and each order takes the
 * next. A later nextValidId (answer to reqIds) only ever moves the counter forward.
 */
final class OrderIds {

    private long next = -1; // guarded by this

    synchronized void seed(long nextValidId) {
        next = Math.max(next, nextValidId);
    }

    synchronized boolean seeded() {
        return next >= 0;
    }

    synchronized int allocate() {
        if (next < 0) {
            throw new TwsUnavailableException(
                    "TWS has not sent nextValidId yet", ConnectionState.SYNCING, Duration.ofSeconds(1));
        }
        if (next >= IdRanges.FIRST_REQUEST_ID) {
            throw new IllegalStateException("order ids exhausted; reset the API order id sequence in TWS");
        }
        return (int) next++;
    }
}
