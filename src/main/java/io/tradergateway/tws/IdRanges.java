package io.tradergateway.tws;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request ids and order ids share one id field on the wire (an error names either), so they come from disjoint
 * ranges: order ids from TWS's nextValidId upward below {@link #FIRST_REQUEST_ID}, request ids from
 * {@link #FIRST_REQUEST_ID} to {@link Integer#MAX_VALUE} (wrapping). The id alone says which table owns it.
 */
final class IdRanges {

    /** 2^30: far above any order id a TWS account reaches, far below the int limit. */
    static final int FIRST_REQUEST_ID = 1 << 30;

    private IdRanges() {}

    static boolean isRequestId(int id) {
        return id >= FIRST_REQUEST_ID;
    }

    static boolean isOrderId(int id) {
        return id >= 0 && id < FIRST_REQUEST_ID;
    }

    /** Hands out request ids, thread-safe, never in the order range. */
    static final class RequestIds {
        private final AtomicInteger next = new AtomicInteger(FIRST_REQUEST_ID);

        int next() {
            return next.getAndUpdate(id -> id == Integer.MAX_VALUE ? FIRST_REQUEST_ID : id + 1);
        }
    }
}
