package io.tradergateway.contract;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.contracts.*}.
 *
 * @param timeout how long a lookup may take at TWS
 * @param cacheSize lookups kept in memory
 * @param cacheTtl how long a lookup is trusted (contract details change rarely: a day by default)
 */
@Validated
@ConfigurationProperties("gateway.contracts")
public record ContractProperties(
        @NotNull @DefaultValue("10s") Duration timeout,
        @Min(1) @DefaultValue("2000") int cacheSize,
        @NotNull @DefaultValue("24h") Duration cacheTtl) {}
