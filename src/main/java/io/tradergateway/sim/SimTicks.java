package io.tradergateway.sim;

import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.TickPrice;
import io.tradergateway.tws.wire.TickSize;
import io.tradergateway.tws.wire.TickString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticks of one market-data line, from the simulator's price path ({@link SimPrices}): within each 5 s price
 * step the last price wanders a few minimum ticks per tick step, the spread is one tick each side. Live lines use
 * IB's tick ids 0-9 and 45; delayed lines the delayed ids 66-75 and 88, priced as of 15 minutes ago as IB's
 * delayed data is.
 */
final class SimTicks {

    static final Duration DELAY = Duration.ofMinutes(15);
    /** Four moves a second of simulator-clock time unless told otherwise. */
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    // IB tick type ids (IB's "Available Tick Types" reference)
    private static final int[] LIVE = {1, 2, 4, 0, 3, 5, 6, 7, 8, 9, 45};
    private static final int[] DELAYED = {66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 88};
    private static final int BID = 0, ASK = 1, LAST = 2, BID_SIZE = 3, ASK_SIZE = 4, LAST_SIZE = 5;
    private static final int HIGH = 6, LOW = 7, VOLUME = 8, CLOSE = 9, LAST_TIMESTAMP = 10;

    private final SimPrices prices;
    private volatile Duration tickInterval;

    SimTicks(SimPrices prices, Duration tickInterval) {
        this.prices = prices;
        this.tickInterval = tickInterval;
    }

    long tickStep(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), Math.max(1, tickInterval.toMillis()));
    }

    void interval(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tick interval must be positive");
        }
        tickInterval = value;
    }

    BigDecimal last(SimContract contract, Instant at) {
        BigDecimal tick = BigDecimal.valueOf(contract.minTick());
        long step = tickStep(at);
        int wander = (int) Math.floorMod(step * 2654435761L + contract.conId(), 7L) - 3;
        BigDecimal base = prices.price(contract, prices.step(at));
        return base.add(tick.multiply(BigDecimal.valueOf(wander))).setScale(base.scale(), RoundingMode.HALF_UP);
    }

    /** The day's volume every line carries in tick step {@code step}: distinct for 345,600 steps in a row. */
    static long volume(long step) {
        return 1_000_000 + Math.floorMod(step, 86_400_000L / 250) * 37;
    }

    /** Everything a line starts with: prices with sizes, high, low, volume, close and the last trade time. */
    List<ServerMessage> full(int reqId, SimContract contract, Instant now, boolean delayed) {
        Instant at = delayed ? now.minus(DELAY) : now;
        int[] ids = delayed ? DELAYED : LIVE;
        List<ServerMessage> ticks = new ArrayList<>(update(reqId, contract, now, delayed));
        BigDecimal base = prices.price(contract, prices.step(at));
        BigDecimal spread = base.multiply(BigDecimal.valueOf(0.01)).setScale(base.scale(), RoundingMode.HALF_UP);
        ticks.add(new TickPrice(reqId, ids[HIGH], base.add(spread).doubleValue(), null, 0));
        ticks.add(new TickPrice(reqId, ids[LOW], base.subtract(spread).doubleValue(), null, 0));
        ticks.add(new TickPrice(
                reqId, ids[CLOSE], prices.price(contract, prices.step(at) - 1).doubleValue(), null, 0));
        return ticks;
    }

    /** One move: bid, ask and last with their sizes, the day's volume and the last trade time. */
    List<ServerMessage> update(int reqId, SimContract contract, Instant now, boolean delayed) {
        Instant at = delayed ? now.minus(DELAY) : now;
        int[] ids = delayed ? DELAYED : LIVE;
        BigDecimal last = last(contract, at);
        BigDecimal tick = BigDecimal.valueOf(contract.minTick());
        long step = tickStep(at);
        BigDecimal size = BigDecimal.valueOf(100 + Math.floorMod(step, 9) * 100L);
        BigDecimal volume = BigDecimal.valueOf(volume(step));
        return List.of(
                new TickPrice(reqId, ids[BID], last.subtract(tick).doubleValue(), size, 1),
                new TickPrice(reqId, ids[ASK], last.add(tick).doubleValue(), size.add(BigDecimal.valueOf(100)), 1),
                new TickPrice(reqId, ids[LAST], last.doubleValue(), BigDecimal.valueOf(100), 0),
                new TickSize(reqId, ids[BID_SIZE], size),
                new TickSize(reqId, ids[ASK_SIZE], size.add(BigDecimal.valueOf(100))),
                new TickSize(reqId, ids[LAST_SIZE], BigDecimal.valueOf(100)),
                new TickSize(reqId, ids[VOLUME], volume),
                new TickString(reqId, ids[LAST_TIMESTAMP], Long.toString(at.getEpochSecond())));
    }
}
