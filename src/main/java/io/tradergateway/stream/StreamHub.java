package io.tradergateway.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Server-Sent Events hub: one feed per topic however many clients follow it (its source is started by the first
 * follower and stopped after the last), one id sequence and a bounded replay buffer for Last-Event-ID resume, and
 * per-client bounded queues ({@link ClientStream}). It knows no TWS class: the data comes from the features through
 * {@link TopicSources}. On shutdown every stream gets a final {@code end} event and is completed.
 */
public class StreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    /** Event data: {@code {"topic":..., "snapshot":..., "data":...}}. */
    record Envelope(String topic, boolean snapshot, Object data) {}

    private final class Feed {
        final Topic topic;
        final Set<ClientStream> followers = new CopyOnWriteArraySet<>();
        final long startedAfter;
        TopicSource source;
        volatile JsonNode lastSent;
        Instant lastPoll = Instant.MIN;

        Feed(Topic topic, long startedAfter) {
            this.topic = topic;
            this.startedAfter = startedAfter;
        }
    }

    private final StreamProperties settings;
    private final TopicSources sources;
    private final JsonMapper json;
    private final Clock clock;
    private final ReplayBuffer buffer;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, Integer> streamsByOwner = new LinkedHashMap<>();
    private final Set<ClientStream> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    StreamHub(
            StreamProperties settings,
            TopicSources sources,
            JsonMapper json,
            Clock clock,
            ScheduledExecutorService poller) {
        this.settings = settings;
        this.sources = sources;
        this.json = json;
        this.clock = clock;
        this.buffer = new ReplayBuffer(settings.replayEvents());
        long every = Math.max(1, settings.checkInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream for {@code owner} (an API key's fingerprint): checks the limits, starts the topics' sources (a
     * topic that cannot be followed fails the request before anything is written), then queues what the client
     * starts with: the missed events after {@code lastEventId}, or a {@code reset} when that gap is too old, and a
     * snapshot of every topic it has not seen continuously.
     */
    ClientStream open(String owner, List<Topic> topics, Long lastEventId) {
        if (!running) {
            throw new IllegalStateException("the stream hub is not running");
        }
        if (topics.size() > settings.maxTopicsPerStream()) {
            throw StreamLimitException.topics(topics.size(), settings.maxTopicsPerStream());
        }
        synchronized (streamsByOwner) {
            int open = streamsByOwner.getOrDefault(owner, 0);
            if (open >= settings.maxStreamsPerKey()) {
                throw StreamLimitException.streams(settings.maxStreamsPerKey());
            }
            streamsByOwner.put(owner, open + 1);
        }
        Set<String> keys = new HashSet<>();
        topics.forEach(t -> keys.add(t.key()));
        ClientStream client = new ClientStream(owner, keys, settings.maxQueuedEvents());
        client.onOverflow(() -> client.end(
                endEvent(
                        "slow-client",
                        "the client fell " + settings.maxQueuedEvents()
                                + " events behind (gateway.stream.max-queued-events); reconnect with Last-Event-ID"),
                true));
        List<Feed> joined = new ArrayList<>();
        try {
            for (Topic topic : topics) {
                joined.add(join(topic, client));
            }
        } catch (RuntimeException e) {
            joined.forEach(feed -> leave(feed, client));
            release(owner);
            throw e;
        }
        clients.add(client);
        List<StreamEvent> missed = lastEventId == null ? null : buffer.after(lastEventId, keys);
        if (lastEventId != null && missed == null) {
            ObjectNode reset = json.createObjectNode();
            reset.put("reason", "the events after " + lastEventId + " are no longer kept; snapshots follow");
            reset.put("lastEventId", lastEventId);
            client.offer(buffer.single("reset", null, reset.toString()));
        }
        if (missed != null) {
            missed.forEach(client::offer);
        }
        for (Feed feed : joined) {
            if (missed == null || feed.startedAfter > lastEventId) {
                // the id first, then the state: every event with a lower id is already in the state read
                long id = buffer.reserve();
                Object value = feed.source.current();
                if (feed.source.polled() && feed.lastSent == null) {
                    feed.lastSent = comparable(value); // polls publish what differs from the first snapshot
                }
                String data = envelope(feed.topic, true, value);
                client.offerSnapshot(new StreamEvent(id, feed.topic.eventType(), feed.topic.key(), data));
            }
        }
        return client;
    }

    /** The writer of {@code client} has ended: it leaves its feeds and frees its place. */
    void closed(ClientStream client) {
        if (!clients.remove(client)) {
            return;
        }
        for (String key : client.topics()) {
            Feed feed = feeds.get(key);
            if (feed != null) {
                leave(feed, client);
            }
        }
        release(client.owner());
    }

    long lastEventId() {
        return buffer.lastId();
    }

    int openStreams() {
        return clients.size();
    }

    /** The open streams (for tests and status). */
    List<ClientStream> streams() {
        return List.copyOf(clients);
    }

    int activeTopics() {
        return feeds.size();
    }

    private Feed join(Topic topic, ClientStream client) {
        synchronized (feeds) {
            Feed feed = feeds.get(topic.key());
            if (feed == null) {
                Feed created = new Feed(topic, buffer.lastId());
                created.source = sources.start(topic, value -> publish(created, value));
                feed = created;
                feeds.put(topic.key(), feed);
            }
            feed.followers.add(client);
            return feed;
        }
    }

    private void leave(Feed feed, ClientStream client) {
        synchronized (feeds) {
            feed.followers.remove(client);
            if (feed.followers.isEmpty() && feeds.remove(feed.topic.key(), feed)) {
                feed.source.close();
            }
        }
    }

    private void release(String owner) {
        synchronized (streamsByOwner) {
            streamsByOwner.computeIfPresent(owner, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /**
     * A pushed value: one event, kept for replay, offered to every follower (never blocks). A quote (an immutable
     * value) is rendered only when a writer takes it: most are conflated away before any client reads them.
     */
    private void publish(Feed feed, Object value) {
        String type = feed.topic.eventType();
        StreamEvent event = "quote".equals(type)
                ? buffer.append(type, feed.topic.key(), () -> envelope(feed.topic, false, value))
                : buffer.append(type, feed.topic.key(), envelope(feed.topic, false, value));
        for (ClientStream client : feed.followers) {
            client.offer(event);
        }
    }

    /**
     * Polled topics: an event when the value differs from the last one sent (its asOf aside); and a heartbeat for
     * every stream silent for gateway.stream.heartbeat.
     */
    void poll() {
        Instant now = clock.instant();
        for (ClientStream client : clients) {
            client.heartbeatIfIdle(now, settings.heartbeat());
        }
        for (Feed feed : feeds.values()) {
            if (!feed.source.polled()
                    || feed.lastPoll.plus(settings.pollInterval()).isAfter(now)) {
                continue;
            }
            feed.lastPoll = now;
            try {
                Object value = feed.source.current();
                JsonNode compared = comparable(value);
                if (!compared.equals(feed.lastSent)) {
                    feed.lastSent = compared;
                    publish(feed, value);
                }
            } catch (RuntimeException e) {
                log.warn("stream topic {} could not be polled", feed.topic.key(), e);
            }
        }
    }

    /** A polled value as compared: its JSON without the top-level asOf (which moves with every read). */
    private JsonNode comparable(Object value) {
        JsonNode tree = json.valueToTree(value);
        if (tree.isObject()) {
            JsonNode copy = tree.deepCopy();
            ((ObjectNode) copy).remove("asOf");
            return copy;
        }
        return tree;
    }

    private String envelope(Topic topic, boolean snapshot, Object value) {
        return json.writeValueAsString(new Envelope(topic.key(), snapshot, value));
    }

    private StreamEvent endEvent(String reason, String detail) {
        ObjectNode end = json.createObjectNode();
        end.put("reason", reason);
        end.put("detail", detail);
        return buffer.single("end", null, end.toString());
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream with a final {@code end} event (what waits is written first), then lets the writers finish. */
    @Override
    public void stop() {
        running = false;
        for (ClientStream client : List.copyOf(clients)) {
            client.end(endEvent("shutdown", "the gateway is shutting down; reconnect with Last-Event-ID"), false);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!clients.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
