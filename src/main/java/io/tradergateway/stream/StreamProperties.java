package io.tradergateway.stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
@ConfigurationProperties("gateway.stream")
public record StreamProperties(
        @Min(1) @Max(100_000) @DefaultValue("20") int maxStreamsPerKey,
        @Min(1) @Max(1_000) @DefaultValue("50") int maxTopicsPerStream,
        @NotNull @DefaultValue("15s") Duration heartbeat,
        @Min(16) @Max(10_000_000) @DefaultValue("10000") int replayEvents,
        @Min(2) @Max(1_000_000) @DefaultValue("1000") int maxQueuedEvents,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @NotNull @DefaultValue("250ms") Duration checkInterval,
        @Min(1) @Max(256) @DefaultValue("2") int writerThreads) {}
