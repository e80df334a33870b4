package io.tradergateway.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

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
@ConfigurationProperties("gateway.history")
public record HistoryProperties(
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("100") int maxConcurrentRequests,
        @DefaultValue("500") int maxChunks,
        @DefaultValue("50") int concurrency,
        @DefaultValue("50000") long downloadMaxBars,
        @DefaultValue("50000") long storeQueueMaxBars,
        @DefaultValue("500000") long cacheMaxBars,
        @DefaultValue("1h") Duration cacheTtl,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue PacingRules pacing) {
    public HistoryProperties {
        Assert.notNull(timeout, "gateway.history.timeout is required");
        Assert.isTrue(
                maxConcurrentRequests >= 1,
                () -> "gateway.history.max-concurrent-requests must be at least 1, not " + maxConcurrentRequests);
        Assert.isTrue(maxChunks >= 1, () -> "gateway.history.max-chunks must be at least 1, not " + maxChunks);
        Assert.isTrue(concurrency >= 1, () -> "gateway.history.concurrency must be at least 1, not " + concurrency);
        Assert.isTrue(
                downloadMaxBars >= 1,
                () -> "gateway.history.download-max-bars must be at least 1, not " + downloadMaxBars);
        Assert.isTrue(
                storeQueueMaxBars >= 1,
                () -> "gateway.history.store-queue-max-bars must be at least 1, not " + storeQueueMaxBars);
        Assert.isTrue(
                cacheMaxBars >= 0, () -> "gateway.history.cache-max-bars must be at least 0, not " + cacheMaxBars);
        Assert.notNull(cacheTtl, "gateway.history.cache-ttl is required");
        Assert.notNull(streamTimeout, "gateway.history.stream-timeout is required");
        Assert.notNull(pacing, "gateway.history.pacing is required");
    }
}
