package io.tradergateway.tws;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: attempt n waits {@code min(max, initial * 2^n)}, less a random
 * share of up to {@code jitter} of it, so that many gateways restarted together do not reconnect in step.
 * The random source is injected so tests can pin it.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
    }

    /** Delay before attempt {@code attempt} (0 = first retry). */
    public Duration delay(int attempt) {
        long capMillis = max.toMillis();
        long base = initial.toMillis();
        for (int i = 0; i < attempt && base < capMillis; i++) {
            base *= 2;
        }
        base = Math.min(base, capMillis);
        long jittered = Math.round(base * (1 - jitter * random.getAsDouble()));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
