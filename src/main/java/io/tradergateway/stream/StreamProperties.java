package io.tradergateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.stream.*}: the Server-Sent Events endpoint.
 *
 * @param maxStreamsPerKey open streams one API key may hold (without keys: all anonymous clients together); 429
 * @param maxTopicsPerStream topics one stream may follow; 429
 * @param heartbeat a comment line after this much silence, so proxies keep the stream open (clock)
 * @param replayEvents events kept for Last-Event-ID resume (all topics together); an older gap gets `reset`
 * @param maxQueuedEvents events (other than conflated quotes) waiting for one client; beyond it the client is
 *     disconnected with a final `end` event saying why
 * @param pollInterval how often positions, portfolio and status are compared with what was last sent (clock)
 * @param checkInterval how often heartbeats and polls look at the clock (real time)
 * @param writerThreads the shared pool that writes every stream (`sse-writer-N`): a stream takes a thread only while
 *     it has something to write and its client takes bytes (non-blocking writes), so a few threads serve thousands
 */
@ConfigurationProperties("gateway.stream")
public record StreamProperties(
        @DefaultValue("20") int maxStreamsPerKey,
        @DefaultValue("50") int maxTopicsPerStream,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("10000") int replayEvents,
        @DefaultValue("1000") int maxQueuedEvents,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("250ms") Duration checkInterval,
        @DefaultValue("2") int writerThreads) {
    public StreamProperties {
        Assert.isTrue(
                maxStreamsPerKey >= 1 && maxStreamsPerKey <= 100_000,
                () -> "gateway.stream.max-streams-per-key must be 1 to 100000, not " + maxStreamsPerKey);
        Assert.isTrue(
                maxTopicsPerStream >= 1 && maxTopicsPerStream <= 1000,
                () -> "gateway.stream.max-topics-per-stream must be 1 to 1000, not " + maxTopicsPerStream);
        Assert.notNull(heartbeat, "gateway.stream.heartbeat is required");
        Assert.isTrue(
                replayEvents >= 16 && replayEvents <= 10_000_000,
                () -> "gateway.stream.replay-events must be 16 to 10000000, not " + replayEvents);
        Assert.isTrue(
                maxQueuedEvents >= 2 && maxQueuedEvents <= 1_000_000,
                () -> "gateway.stream.max-queued-events must be 2 to 1000000, not " + maxQueuedEvents);
        Assert.notNull(pollInterval, "gateway.stream.poll-interval is required");
        Assert.notNull(checkInterval, "gateway.stream.check-interval is required");
        Assert.isTrue(
                writerThreads >= 1 && writerThreads <= 256,
                () -> "gateway.stream.writer-threads must be 1 to 256, not " + writerThreads);
    }
}
