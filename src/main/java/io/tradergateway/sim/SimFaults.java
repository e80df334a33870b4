package io.tradergateway.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's misbehaviour switches. Windows ("refuse for N seconds") are measured on the simulator's
 * clock, so a test with a controllable clock ends them by moving time, not by sleeping.
 */
final class SimFaults {

    private final Clock clock;
    private final Set<Integer> claimedClientIds = ConcurrentHashMap.newKeySet();
    private volatile Instant refuseUntil = Instant.MIN;
    private volatile Instant blackholeUntil = Instant.MIN;
    private volatile Duration delay = Duration.ZERO;

    SimFaults(Clock clock) {
        this.clock = clock;
    }

    void refuseFor(Duration duration) {
        refuseUntil = clock.instant().plus(duration);
    }

    boolean refusing() {
        return clock.instant().isBefore(refuseUntil);
    }

    void blackholeFor(Duration duration) {
        blackholeUntil = clock.instant().plus(duration);
    }

    boolean blackholed() {
        return clock.instant().isBefore(blackholeUntil);
    }

    void delay(Duration value) {
        delay = value.isNegative() ? Duration.ZERO : value;
    }

    Duration delay() {
        return delay;
    }

    void claimClientId(int clientId) {
        claimedClientIds.add(clientId);
    }

    void releaseClientId(int clientId) {
        claimedClientIds.remove(clientId);
    }

    boolean claimed(int clientId) {
        return claimedClientIds.contains(clientId);
    }

    void clear() {
        refuseUntil = Instant.MIN;
        blackholeUntil = Instant.MIN;
        delay = Duration.ZERO;
        claimedClientIds.clear();
    }
}
