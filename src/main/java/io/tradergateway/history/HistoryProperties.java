package io.tradergateway.history;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.history.*}.
 *
 * @param timeout deadline of one request to TWS; past it the request is cancelled at TWS (cancelHistoricalData)
 * @param maxConcurrentRequests the bulkhead: history HTTP requests in progress at once (each may hold a server
 *     thread while it waits for its first bars); more get 503 history-busy at once, so history can never take
 *     every thread from positions, accounts or status
 * @param maxChunks most TWS requests one start/end range may be split into; longer ranges are refused
 * @param concurrency chunks of one range fetched at once (and so at most held while they are put in time order);
 *     capped by {@code pacing.max-open}, and for paced (small) bars only while the pacing rules have a slot now
 * @param cacheMaxBars bars kept in the result cache (Caffeine, weighed by bar count)
 * @param cacheTtl how long a completed chunk is served from the cache
 * @param streamTimeout longest time one response may take to stream
 * @param pacing IB's pacing rules
 */
@Validated
@ConfigurationProperties("gateway.history")
public record HistoryProperties(
        @NotNull @DefaultValue("60s") Duration timeout,
        @Min(1) @DefaultValue("100") int maxConcurrentRequests,
        @Min(1) @DefaultValue("500") int maxChunks,
        @Min(1) @DefaultValue("50") int concurrency,
        @Min(0) @DefaultValue("500000") long cacheMaxBars,
        @NotNull @DefaultValue("1h") Duration cacheTtl,
        @NotNull @DefaultValue("30m") Duration streamTimeout,
        @Valid @NotNull @DefaultValue PacingRules pacing) {}
