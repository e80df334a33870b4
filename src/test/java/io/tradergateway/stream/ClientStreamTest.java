package io.tradergateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One stream's queue and its writer against a response that takes bytes only when the test says so (a client that
 * reads nothing): publishers never wait, quotes conflate to the latest per contract, a queue overflow ends the stream
 * with the final event only, what waits goes out as one write, and a stalled stream holds no pool thread. The pool
 * is a queue of tasks the test runs, the clock is moved by hand.
 */
class ClientStreamTest {

    private static final Pattern FRAME =
            Pattern.compile("(?m)^(?:id:(\\d+)\\nevent:(\\w+)\\ndata:.*\\n|:(\\w+)\\n)\\n");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    private final ArrayDeque<Runnable> pool = new ArrayDeque<>();
    private final Executor writers = pool::add;

    /** A response: takes bytes while {@code ready}, records what was written and flushed. */
    private static final class FakeResponse implements StreamWriter.Output {
        final ByteArrayOutputStream flushed = new ByteArrayOutputStream();
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        boolean ready = true;
        int writes;
        boolean completed;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void write(byte[] bytes, int length) {
            assertThat(ready).as("written only when ready").isTrue();
            pending.write(bytes, 0, length);
            writes++;
        }

        @Override
        public void flush() throws IOException {
            pending.writeTo(flushed);
            pending.reset();
        }

        @Override
        public void complete() {
            completed = true;
        }

        /** What the client read: "type:id" per event, "comment:text" per comment. */
        List<String> read() {
            List<String> events = new ArrayList<>();
            Matcher m = FRAME.matcher(flushed.toString(StandardCharsets.UTF_8));
            while (m.find()) {
                events.add(m.group(3) != null ? "comment:" + m.group(3) : m.group(2) + ":" + m.group(1));
            }
            return events;
        }
    }

    private final List<ClientStream> closed = new ArrayList<>();

    private StreamWriter writer(ClientStream client, FakeResponse response) {
        StreamWriter writer = new StreamWriter(client, response, writers, clock, () -> closed.add(client));
        writer.writable(); // the container's first call
        return writer;
    }

    private void runPool() {
        while (!pool.isEmpty()) {
            pool.poll().run();
        }
    }

    private static StreamEvent quote(long id, int conId) {
        return new StreamEvent(id, "quote", "quotes:" + conId, "{}");
    }

    @Test
    void quotesForAClientThatReadsNothingAreConflatedToTheLatestPerContract() {
        ClientStream client = new ClientStream("k", Set.of("quotes:1", "quotes:2"), 10);
        FakeResponse response = new FakeResponse();
        StreamWriter writer = writer(client, response);
        client.offer(quote(1, 1));
        runPool();
        assertThat(response.read()).containsExactly("quote:1");
        response.ready = false; // the client stops reading
        client.offer(quote(2, 2));
        runPool();
        for (long id = 3; id <= 10_000; id++) {
            client.offer(quote(id, id % 2 == 0 ? 1 : 2));
        }
        assertThat(pool).as("a stalled stream is not scheduled").isEmpty();
        assertThat(client.pending()).isEqualTo(2);
        response.ready = true;
        writer.writable(); // the client reads again
        runPool();
        assertThat(response.read()).containsExactly("quote:1", "quote:9999", "quote:10000");
        client.end(null, true);
        runPool();
        assertThat(response.completed).isTrue();
        assertThat(closed).containsExactly(client);
    }

    @Test
    void aClientThatFallsTooFarBehindGetsOnlyTheFinalEventSayingWhy() {
        ClientStream client = new ClientStream("k", Set.of("positions"), 3);
        StreamEvent end = new StreamEvent(99, "end", null, "{\"reason\":\"slow-client\"}");
        client.onOverflow(() -> client.end(end, true));
        FakeResponse response = new FakeResponse();
        StreamWriter writer = writer(client, response);
        client.offer(new StreamEvent(1, "positions", "positions", "{}"));
        runPool();
        response.ready = false;
        for (long id = 2; id <= 10; id++) {
            client.offer(new StreamEvent(id, "positions", "positions", "{}"));
        }
        runPool();
        assertThat(client.ending()).isTrue();
        assertThat(client.pending()).isZero();
        assertThat(response.completed).isFalse();
        response.ready = true;
        writer.writable();
        runPool();
        assertThat(response.read()).containsExactly("positions:1", "end:99");
        assertThat(response.completed).isTrue();
        assertThat(closed).containsExactly(client);
    }

    @Test
    void aSnapshotIsTheFirstEventOfItsTopicAndWhatWaitsGoesOutAsOneWrite() {
        ClientStream client = new ClientStream("k", Set.of("quotes:1", "positions"), 10);
        client.offer(quote(5, 1));
        client.offer(new StreamEvent(6, "positions", "positions", "{}"));
        client.offerSnapshot(new StreamEvent(7, "quote", "quotes:1", "{\"snapshot\":true}"));
        client.offer(quote(8, 1));
        FakeResponse response = new FakeResponse();
        writer(client, response);
        runPool();
        assertThat(response.read()).containsExactly("positions:6", "quote:7", "quote:8"); // the quote older than 7 went
        assertThat(response.writes).isEqualTo(1);
        assertThat(response.flushed.toString(StandardCharsets.UTF_8))
                .startsWith("id:6\nevent:positions\ndata:{}\n\nid:7\nevent:quote\ndata:{\"snapshot\":true}\n\n");
    }

    @Test
    void silenceBringsAHeartbeatComment() {
        ClientStream client = new ClientStream("k", Set.of("status"), 3);
        FakeResponse response = new FakeResponse();
        writer(client, response);
        client.heartbeatIfIdle(clock.instant(), Duration.ofSeconds(15));
        clock.advance(Duration.ofSeconds(14));
        client.heartbeatIfIdle(clock.instant(), Duration.ofSeconds(15));
        runPool();
        assertThat(response.read()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        client.heartbeatIfIdle(clock.instant(), Duration.ofSeconds(15));
        runPool();
        assertThat(response.read()).containsExactly("comment:heartbeat");
    }

    @Test
    void aStalledStreamLeavesThePoolToTheOthersAndEndsWhenTheContainerEndsIt() {
        ClientStream silent = new ClientStream("k", Set.of("quotes:1"), 3);
        ClientStream reading = new ClientStream("k", Set.of("quotes:1"), 3);
        FakeResponse stalled = new FakeResponse();
        stalled.ready = false;
        StreamWriter silentWriter = writer(silent, stalled);
        FakeResponse open = new FakeResponse();
        writer(reading, open);
        for (long id = 1; id <= 3; id++) {
            silent.offer(quote(id, 1));
            reading.offer(quote(id, 1));
            runPool();
        }
        assertThat(open.read()).containsExactly("quote:1", "quote:2", "quote:3");
        assertThat(stalled.writes).isZero();
        silentWriter.gone(); // the container's write timeout ended it
        assertThat(silent.ending()).isTrue();
        assertThat(stalled.completed).as("not completed twice").isFalse();
        assertThat(closed).containsExactly(silent);
    }

    @Test
    void aQuoteIsRenderedOnceForAllItsClientsAndNotAtAllWhenConflatedAway() {
        AtomicInteger renders = new AtomicInteger();
        List<ClientStream> clients = new ArrayList<>();
        List<FakeResponse> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ClientStream client = new ClientStream("k", Set.of("quotes:1"), 3);
            FakeResponse response = new FakeResponse();
            writer(client, response);
            clients.add(client);
            responses.add(response);
        }
        for (long id = 1; id <= 5; id++) {
            long at = id;
            StreamEvent event = new StreamEvent(id, "quote", "quotes:1", () -> {
                renders.incrementAndGet();
                return "{\"n\":" + at + "}";
            });
            clients.forEach(c -> c.offer(event));
        }
        runPool();
        assertThat(responses).allSatisfy(r -> assertThat(r.read()).containsExactly("quote:5"));
        assertThat(responses.get(0).flushed.toString(StandardCharsets.UTF_8)).contains("data:{\"n\":5}");
        assertThat(renders).as("only the latest, once").hasValue(1);
    }

    @Test
    void aContainerCallbackThatNeverCameDelaysAStreamByOneCheckAtMost() {
        ClientStream client = new ClientStream("k", Set.of("quotes:1"), 3);
        FakeResponse response = new FakeResponse();
        response.ready = false;
        writer(client, response);
        client.offer(quote(1, 1));
        runPool();
        assertThat(response.read()).isEmpty();
        response.ready = true; // writable again, but the container's call is lost
        client.heartbeatIfIdle(clock.instant(), Duration.ofSeconds(15)); // the hub's next check
        runPool();
        assertThat(response.read()).containsExactly("quote:1");
    }

    @Test
    void nothingIsWrittenBeforeTheContainersFirstCallNotEvenOnACheck() {
        ClientStream client = new ClientStream("k", Set.of("quotes:1"), 3);
        FakeResponse response = new FakeResponse();
        StreamWriter writer = new StreamWriter(client, response, writers, clock, () -> closed.add(client));
        client.offer(quote(1, 1)); // the snapshot waits while the request's own dispatch still runs
        client.heartbeatIfIdle(clock.instant(), Duration.ofSeconds(15)); // a check meanwhile
        runPool();
        assertThat(response.flushed.size() + response.pending.size()).isZero();
        writer.writable(); // the dispatch is over: the container's first call
        runPool();
        assertThat(response.read()).containsExactly("quote:1");
    }
}
