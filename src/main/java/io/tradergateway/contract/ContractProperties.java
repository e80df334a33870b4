package io.tradergateway.contract;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.contracts.*}.
 *
 * @param timeout how long a lookup may take at TWS
 * @param cacheSize lookups kept in memory
 * @param cacheTtl how long a lookup is trusted (contract details change rarely: a day by default)
 */
@ConfigurationProperties("gateway.contracts")
public record ContractProperties(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("2000") int cacheSize,
        @DefaultValue("24h") Duration cacheTtl) {
    public ContractProperties {
        Assert.notNull(timeout, "gateway.contracts.timeout is required");
        Assert.isTrue(cacheSize >= 1, () -> "gateway.contracts.cache-size must be at least 1, not " + cacheSize);
        Assert.notNull(cacheTtl, "gateway.contracts.cache-ttl is required");
    }
}
