package io.tradergateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A slow client against one stream's queue and writer: the writer is held on its first write (a client that reads
 * nothing), publishers never wait, quotes conflate to the latest per contract, and a queue overflow ends the stream
 * with the final event only.
 */
class ClientStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> written = new CopyOnWriteArrayList<>();
    private volatile boolean completed;

    private final ClientStream.Sink heldSink = new ClientStream.Sink() {
        @Override
        public void event(StreamEvent event) throws IOException {
            written.add(event.type() + ":" + event.id());
            try {
                release.await(10, TimeUnit.SECONDS); // the client reads nothing until released
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void comment(String text) {
            written.add("comment:" + text);
        }

        @Override
        public void complete() {
            completed = true;
        }
    };

    private Thread writer(ClientStream client) {
        Thread t = new Thread(() -> client.run(heldSink, clock, Duration.ofSeconds(15), Duration.ofMillis(10)));
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static StreamEvent quote(long id, int conId) {
        return new StreamEvent(id, "quote", "quotes:" + conId, "{}");
    }

    @Test
    void quotesForASlowClientAreConflatedToTheLatestPerContract() throws Exception {
        ClientStream client = new ClientStream("k", Set.of("quotes:1", "quotes:2"), 10);
        Thread writer = writer(client);
        client.offer(quote(1, 1));
        Eventually.await("writer held on the first write", WAIT, () -> written.size() == 1);
        long started = System.nanoTime();
        for (long id = 2; id <= 10_000; id++) {
            client.offer(quote(id, id % 2 == 0 ? 1 : 2));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .as("publishers never wait")
                .isLessThan(2_000);
        assertThat(client.pending()).isEqualTo(2);
        release.countDown();
        Eventually.await("latest of each written", WAIT, () -> written.size() == 3);
        assertThat(written).containsExactly("quote:1", "quote:9999", "quote:10000");
        client.end(null, true);
        writer.join(2_000);
        assertThat(completed).isTrue();
    }

    @Test
    void aClientThatFallsTooFarBehindGetsOnlyTheFinalEventSayingWhy() throws Exception {
        ClientStream client = new ClientStream("k", Set.of("positions"), 3);
        StreamEvent end = new StreamEvent(99, "end", null, "{\"reason\":\"slow-client\"}");
        client.onOverflow(() -> client.end(end, true));
        Thread writer = writer(client);
        client.offer(new StreamEvent(1, "positions", "positions", "{}"));
        Eventually.await("writer held", WAIT, () -> written.size() == 1);
        for (long id = 2; id <= 10; id++) {
            client.offer(new StreamEvent(id, "positions", "positions", "{}"));
        }
        assertThat(client.ending()).isTrue();
        assertThat(client.pending()).isZero();
        release.countDown();
        writer.join(5_000);
        assertThat(written).containsExactly("positions:1", "end:99");
        assertThat(completed).isTrue();
    }

    @Test
    void aSnapshotIsTheFirstEventOfItsTopic() throws Exception {
        ClientStream client = new ClientStream("k", Set.of("quotes:1", "positions"), 10);
        client.offer(quote(5, 1));
        client.offer(new StreamEvent(6, "positions", "positions", "{}"));
        client.offerSnapshot(new StreamEvent(7, "quote", "quotes:1", "{\"snapshot\":true}"));
        client.offer(quote(8, 1));
        release.countDown();
        Thread writer = writer(client);
        Eventually.await("written", WAIT, () -> written.size() == 3);
        assertThat(written).containsExactly("positions:6", "quote:7", "quote:8"); // the quote older than 7 went
        client.end(null, true);
        writer.join(2_000);
    }

    @Test
    void silenceBringsAHeartbeatComment() throws Exception {
        ClientStream client = new ClientStream("k", Set.of("status"), 3);
        release.countDown();
        Thread writer = writer(client);
        Eventually.await("heartbeat", WAIT, () -> {
            clock.advance(Duration.ofSeconds(16));
            return written.contains("comment:heartbeat");
        });
        client.end(null, true);
        writer.join(2_000);
    }
}
