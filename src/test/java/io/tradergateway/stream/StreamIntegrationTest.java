package io.tradergateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.SseClient;
import io.tradergateway.support.SseClient.Event;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The event stream over real HTTP (read as curl -N reads it) against the simulator through the real client, on a
 * hand-moved clock: ticks, polls, heartbeats and the linger move when the test moves time.
 */
@TestPropertySource(
        properties = {
            "gateway.market-data.check-interval=20ms",
            "gateway.stream.poll-interval=1s",
            "gateway.stream.replay-events=16",
            "gateway.stream.max-streams-per-key=3",
            "gateway.stream.max-topics-per-stream=4"
        })
class StreamIntegrationTest extends StreamTestBase {

    private static final String ACCOUNT = "DU1111111";

    private long hubLastId() {
        return hub.lastEventId();
    }

    @Test
    void everyTopicStartsWithASnapshotAndEveryEventHasAnIncreasingId() {
        SseClient client = stream("quotes:265598,status");
        assertThat(client.status()).isEqualTo(200);
        // the first event of each topic is its snapshot (a quote update may come between the two snapshots)
        java.util.Map<String, Event> firstOfTopic = new java.util.HashMap<>();
        long lastId = 0;
        while (firstOfTopic.size() < 2) {
            Event event = client.next(WAIT);
            assertThat(Long.parseLong(event.id())).as("ids increase").isGreaterThan(lastId);
            lastId = Long.parseLong(event.id());
            firstOfTopic.putIfAbsent(data(event).get("topic").asString(), event);
        }
        assertThat(firstOfTopic.keySet()).containsExactlyInAnyOrder("quotes:265598", "status");
        for (Event event : firstOfTopic.values()) {
            assertThat(data(event).get("snapshot").asBoolean())
                    .as(event.toString())
                    .isTrue();
        }
        long snapshotsDone = lastId;
        clock.advance(Duration.ofMillis(300)); // the simulator's next tick
        Event quote = client.await(WAIT, e -> e.type().equals("quote"));
        JsonNode body = data(quote);
        assertThat(body.get("topic").asString()).isEqualTo("quotes:265598");
        assertThat(body.get("snapshot").asBoolean()).isFalse();
        assertThat(body.get("data").get("last").asDouble()).isPositive();
        assertThat(Long.parseLong(quote.id())).isGreaterThan(snapshotsDone);
    }

    @Test
    void positionsAndPortfolioFollowTheAccountData() {
        Http http = new Http(port);
        Eventually.await( // polls move with the clock: the test moves it once the account data is there
                "account data synced",
                WAIT,
                () -> http.get("/api/v1/positions").statusCode() == 200
                        && http.get("/api/v1/accounts/" + ACCOUNT + "/portfolio")
                                        .statusCode()
                                == 200);
        SseClient client = stream("positions,portfolio:" + ACCOUNT);
        // the first event of each topic is its snapshot (an update of one may come before the other's snapshot)
        java.util.Map<String, Event> firstOfType = new java.util.HashMap<>();
        while (firstOfType.size() < 2) {
            Event event = client.next(WAIT);
            firstOfType.putIfAbsent(event.type(), event);
        }
        assertThat(firstOfType.keySet()).containsExactlyInAnyOrder("positions", "portfolio");
        assertThat(firstOfType.values())
                .allSatisfy(e -> assertThat(data(e).get("snapshot").asBoolean())
                        .as(e.toString())
                        .isTrue());
        simulator.setPosition("DU2222222", 900000001, new BigDecimal("1"), new BigDecimal("5500")); // a new holding
        try {
            // polls compare on the clock: it moves until the change (a TWS round trip away) has been polled
            Event positions = client.await(
                    WAIT,
                    Duration.ofMillis(200),
                    () -> clock.advance(Duration.ofSeconds(1)),
                    e -> e.type().equals("positions") && e.data().contains("900000001"));
            assertThat(data(positions).get("snapshot").asBoolean()).isFalse();
        } finally {
            simulator.setPosition("DU2222222", 900000001, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() {
        SseClient keeper = stream("quotes:272093"); // keeps the line (and its events) going meanwhile
        keeper.next(WAIT);
        SseClient client = stream("quotes:272093");
        Event snapshot = client.next(WAIT);
        client.close();
        clock.advance(Duration.ofMillis(300));
        Event missed = keeper.await(WAIT, e -> e.type().equals("quote"));
        SseClient resumed = stream("quotes:272093", "Last-Event-ID", snapshot.id());
        Event replayed = resumed.next(WAIT);
        assertThat(replayed.type()).as("no reset: the gap is in the buffer").isEqualTo("quote");
        // quotes conflate per client: the replay is the latest missed quote, not a fresh snapshot
        assertThat(Long.parseLong(replayed.id())).isGreaterThanOrEqualTo(Long.parseLong(missed.id()));
        assertThat(Long.parseLong(replayed.id())).isLessThanOrEqualTo(hubLastId());
        assertThat(data(replayed).get("snapshot").asBoolean()).isFalse();
    }

    @Test
    void aGapOlderThanTheReplayBufferGetsAResetAndFreshSnapshots() {
        SseClient keeper = stream("quotes:756733");
        Event first = keeper.next(WAIT);
        for (int i = 0; i < 30; i++) { // more events than the 16 kept
            clock.advance(Duration.ofMillis(250));
            simulator.marketData().publish();
            keeper.await(
                    WAIT,
                    e -> e.type().equals("quote") && !data(e).get("snapshot").asBoolean());
        }
        SseClient resumed = stream("quotes:756733", "Last-Event-ID", first.id());
        Event reset = resumed.next(WAIT);
        assertThat(reset.type()).isEqualTo("reset");
        assertThat(data(reset).get("lastEventId").asLong()).isEqualTo(Long.parseLong(first.id()));
        Event snapshot = resumed.next(WAIT);
        assertThat(snapshot.type()).isEqualTo("quote");
        assertThat(data(snapshot).get("snapshot").asBoolean()).isTrue();
    }

    @Test
    void anIdleStreamGetsHeartbeatComments() {
        SseClient client = stream("status");
        client.next(WAIT);
        clock.advance(Duration.ofSeconds(6));
        Event heartbeat = client.await(WAIT, e -> e.type().equals("comment"));
        assertThat(heartbeat.data()).isEqualTo("heartbeat");
    }

    @Test
    void limitsAre429ProblemsAndBadTopics400() {
        SseClient tooMany = stream("quotes:265598,quotes:272093,positions,status,pnl:" + ACCOUNT);
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.errorBody()).contains("too-many-topics").contains("4");
        for (int i = 0; i < 3; i++) {
            assertThat(stream("status").status()).isEqualTo(200);
        }
        SseClient fourth = stream("status");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.errorBody()).contains("too-many-streams");
        SseClient bad = stream("nonsense");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorBody())
                .contains("invalid-parameter")
                .contains("topics")
                .doesNotContain("Exception");
    }

    @Test
    void pnlIsSubscribedWhileWatchedOnly() {
        SseClient client = stream("pnl:" + ACCOUNT + ",pnl:" + ACCOUNT + ":265598");
        client.next(WAIT);
        client.next(WAIT);
        Eventually.await(
                "two PnL subscriptions at TWS",
                WAIT,
                () -> simulator.marketData().openPnlSubscriptions() == 2);
        clock.advance(Duration.ofSeconds(6)); // the simulator's next price step: new PnL for both
        Event pnl = client.await(
                WAIT,
                e -> e.data().contains("pnl:" + ACCOUNT + ":265598") && e.data().contains("unrealized"));
        assertThat(data(pnl).get("data").get("account").asString()).isEqualTo(ACCOUNT);
        client.close();
        Eventually.await("cancelled after the last watcher", WAIT, () -> {
            clock.advance(Duration.ofSeconds(6));
            return simulator.marketData().openPnlSubscriptions() == 0;
        });
    }

    @Test
    void shutdownEndsEveryStreamWithAFinalEvent() {
        SseClient client = stream("status");
        client.next(WAIT);
        hub.stop();
        try {
            Event end = client.await(WAIT, e -> e.type().equals("end"));
            assertThat(data(end).get("reason").asString()).isEqualTo("shutdown");
            Eventually.await("body ended", WAIT, client::ended);
        } finally {
            hub.start();
        }
    }
}
