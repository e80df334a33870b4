package io.tradergateway.sim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * TWS's rule for API clients: at most 50 messages in any second, or error 100. Measured in real time
 * (System.nanoTime), because the rule is about the wire, not about the simulated market clock.
 */
final class SimRateMeter {

    static final int MAX_PER_SECOND = 50;
    private static final long SECOND = 1_000_000_000L;

    private final Deque<Long> arrivals = new ArrayDeque<>();

    /** Records one message; returns how many arrived within the last second, this one included. */
    synchronized int record(long nanoTime) {
        arrivals.addLast(nanoTime);
        while (!arrivals.isEmpty() && nanoTime - arrivals.peekFirst() >= SECOND) {
            arrivals.pollFirst();
        }
        return arrivals.size();
    }
}
