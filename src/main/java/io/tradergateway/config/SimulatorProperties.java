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
 */
@Validated
@ConfigurationProperties("gateway.simulator")
public record SimulatorProperties(
        @Min(0) @Max(65535) @DefaultValue("0") int port,
        @DefaultValue("42") long seed) {}
