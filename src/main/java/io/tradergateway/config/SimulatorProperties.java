package io.tradergateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.simulator.*}, used in profile {@code sim}.
 *
 * @param port port of the embedded simulator; 0 picks a free loopback port
 * @param seed seed of the simulator's deterministic data
 * @param pacingWindowScale multiplies IB's historical pacing windows in the simulator (1 = IB's; e.g. 0.0167 turns
 *     10 minutes into 10 s for benchmarks)
 * @param tickInterval one move of every open market-data line per this much time (250ms: 4 a second, as TWS's
 *     aggregated ticks; 50ms: 20 a second for the SSE benchmark)
 * @param tickingContracts conIds whose lines move (the others keep their first ticks); empty: every line moves.
 *     Besides its catalogue the simulator knows synthetic stocks SIM0001..SIM1000, conIds 700000001..700001000
 */
@ConfigurationProperties("gateway.simulator")
public record SimulatorProperties(
        @DefaultValue("0") int port,
        @DefaultValue("42") long seed,
        @DefaultValue("1") double pacingWindowScale,
        @DefaultValue("250ms") Duration tickInterval,
        @DefaultValue List<Integer> tickingContracts) {

    public SimulatorProperties {
        Assert.isTrue(port >= 0 && port <= 65_535, () -> "gateway.simulator.port must be 0 to 65535, not " + port);
        Assert.notNull(tickInterval, "gateway.simulator.tick-interval is required");
        Assert.notNull(tickingContracts, "gateway.simulator.ticking-contracts is required");
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("gateway.simulator.tick-interval must be positive");
        }
    }
}
