package io.tradergateway.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.history.jobs.*}: bulk jobs on db-scheduler.
 *
 * @param enabled false: this replica runs no job parts (it still accepts and shows jobs)
 * @param threads parts run at once on this replica; each sends one TWS request at a time, so an interactive
 *     history request waits behind at most this many job requests (1: at most one)
 * @param pollingInterval how often the replica looks for due parts (new jobs start at once on the replica that
 *     took the POST)
 * @param heartbeat how often a running part says it is alive
 * @param missedHeartbeats a part whose replica missed this many heartbeats (killed, frozen) runs again elsewhere,
 *     or on the same replica after its restart, from what the store holds
 * @param retryAfter wait before a part that failed for a passing reason (TWS gone, store down) runs again
 * @param eventsInterval how often the progress stream (SSE) checks for changes
 */
@ConfigurationProperties("gateway.history.jobs")
public record HistoryJobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") int threads,
        @DefaultValue("2s") Duration pollingInterval,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("6") int missedHeartbeats,
        @DefaultValue("30s") Duration retryAfter,
        @DefaultValue("1s") Duration eventsInterval) {
    public HistoryJobsProperties {
        Assert.isTrue(threads >= 1, () -> "gateway.history.jobs.threads must be at least 1, not " + threads);
        Assert.notNull(pollingInterval, "gateway.history.jobs.polling-interval is required");
        Assert.notNull(heartbeat, "gateway.history.jobs.heartbeat is required");
        Assert.isTrue(
                missedHeartbeats >= 4,
                () -> "gateway.history.jobs.missed-heartbeats must be at least 4, not " + missedHeartbeats);
        Assert.notNull(retryAfter, "gateway.history.jobs.retry-after is required");
        Assert.notNull(eventsInterval, "gateway.history.jobs.events-interval is required");
    }
}
