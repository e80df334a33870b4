package io.tradergateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, so time-dependent logic is exercised without sleeping. Thread-safe. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final boolean ticking;
    private final long startNanos = System.nanoTime();

    public MutableClock(Instant start) {
        this(start, false);
    }

    private MutableClock(Instant start, boolean ticking) {
        this.now = new AtomicReference<>(start);
        this.ticking = ticking;
    }

    /**
     * A clock that runs with real time from now on, and that {@link #advance} moves ahead: the app keeps running
     * (the simulator ticks, orders fill) and a test jumps past a time-based rule instead of waiting for it.
     */
    public static MutableClock ticking() {
        return new MutableClock(Instant.now(), true);
    }

    public void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    @Override
    public Instant instant() {
        return ticking ? now.get().plusNanos(System.nanoTime() - startNanos) : now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
