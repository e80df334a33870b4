package io.tradergateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("gateway.simulator")
public record SimulatorProperties(
        @Min(0) @Max(65535) @DefaultValue("0") int port,
        @DefaultValue("42") long seed,
        @DefaultValue("1") double pacingWindowScale,
        @NotNull @DefaultValue("250ms") Duration tickInterval,
        @NotNull @DefaultValue List<Integer> tickingContracts) {

    public SimulatorProperties {
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("gateway.simulator.tick-interval must be positive");
        }
    }
}
