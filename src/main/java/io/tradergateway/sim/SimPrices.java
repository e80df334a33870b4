package io.tradergateway.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Deterministic prices that move with the simulator's clock: time is cut into steps of {@link #STEP}, and each
 * (seed, instrument, step) gives one price, rounded to the instrument's tick. Nothing accumulates, so any
 * instant's price is computed directly and a test that moves the clock one step knows the next price.
 *
 * <p>Odd steps sit above the base price and even steps below it (by 0.2% to 1%), so two consecutive steps
 * never have the same price: every step is a visible market move.
 */
final class SimPrices {

    /** One simulated market move per this much simulator-clock time. */
    static final Duration STEP = Duration.ofSeconds(5);

    private final long seed;

    SimPrices(long seed) {
        this.seed = seed;
    }

    long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    BigDecimal price(SimContract contract, long step) {
        double noise = unit(mix(seed, contract.conId(), step));
        double offset = 0.002 + 0.008 * noise;
        double raw = contract.basePrice() * (1 + (Math.floorMod(step, 2) == 1 ? offset : -offset));
        BigDecimal tick = BigDecimal.valueOf(contract.minTick());
        BigDecimal ticks = BigDecimal.valueOf(raw).divide(tick, 0, RoundingMode.HALF_UP);
        return ticks.multiply(tick).stripTrailingZeros().setScale(Math.max(2, tick.scale()), RoundingMode.UNNECESSARY);
    }

    /** SplitMix64-style mixing: a well-spread 64-bit value from the three inputs. */
    private static long mix(long seed, int conId, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + conId * 0xBF58476D1CE4E5B9L + step * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in [0, 1). */
    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
