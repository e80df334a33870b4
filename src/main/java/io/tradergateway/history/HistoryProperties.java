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
 * @param downloadMaxBars bars one download may hold at once: its chunks requested and not yet written, each counted
 *     at the most bars its request can carry (a day of 1-minute bars: 1,441), so big chunks mean fewer in flight;
 *     about 170 bytes of heap a bar once decoded (twice that while TWS's answer is read)
 * @param storeQueueMaxBars bars waiting at once to be written to the store (answers beyond it are served, not
 *     kept: their range is asked of TWS again next time), so a store slower than TWS does not hold a long first
 *     fetch in memory
 * @param cacheMaxBars bars kept in the result cache (Caffeine, weighed by bar count); answers the store keeps are
 *     not cached (the store serves them next time)
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
        @Min(1) @DefaultValue("50000") long downloadMaxBars,
        @Min(1) @DefaultValue("50000") long storeQueueMaxBars,
        @Min(0) @DefaultValue("500000") long cacheMaxBars,
        @NotNull @DefaultValue("1h") Duration cacheTtl,
        @NotNull @DefaultValue("30m") Duration streamTimeout,
        @Valid @NotNull @DefaultValue PacingRules pacing) {}
