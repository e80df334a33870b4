package io.tradergateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 */
@Validated
@ConfigurationProperties("gateway.simulator")
public record SimulatorProperties(
        @Min(0) @Max(65535) @DefaultValue("0") int port,
        @DefaultValue("42") long seed,
        @DefaultValue("1") double pacingWindowScale) {}
