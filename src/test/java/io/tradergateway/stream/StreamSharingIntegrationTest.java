package io.tradergateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.SseClient;
import io.tradergateway.tws.wire.CancelMktData;
import io.tradergateway.tws.wire.ReqMktData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Ten event streams over real HTTP following one contract: TWS (the simulator, over the real client's socket) gets
 * one reqMktData for it, every stream gets the line's ticks, and the line is cancelled only after the last stream
 * has gone and the linger has passed. (Same configuration as StreamOrdersIntegrationTest: one application context.)
 */
@TestPropertySource(
        properties = {
            "gateway.trading.enabled=true",
            "gateway.trading.max-quantity=5000",
            "gateway.trading.max-notional=2000000"
        })
class StreamSharingIntegrationTest extends StreamTestBase {

    private static final int SPY = 756733;

    private List<Integer> requestIds() {
        return simulator.received(ReqMktData.class).stream()
                .filter(r -> r.contract().conId() == SPY && !r.snapshot())
                .map(ReqMktData::reqId)
                .toList();
    }

    private boolean cancelled(int reqId) {
        return simulator.received(CancelMktData.class).stream().anyMatch(c -> c.reqId() == reqId);
    }

    @Test
    void tenStreamsShareOneLineReleasedAfterTheLastLeavesAndTheLinger() {
        int before = requestIds().size();
        List<SseClient> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SseClient client = stream("quotes:" + SPY);
            assertThat(client.status()).as(client.errorBody()).isEqualTo(200);
            assertThat(data(client.next(WAIT)).get("snapshot").asBoolean()).isTrue();
            clients.add(client);
        }
        clock.advance(Duration.ofMillis(300)); // the simulator's next tick step
        simulator.marketData().publish();
        for (SseClient client : clients) {
            client.await(
                    WAIT,
                    e -> e.type().equals("quote") && !data(e).get("snapshot").asBoolean());
        }
        List<Integer> ids = requestIds();
        assertThat(ids.size() - before).as("one reqMktData for ten streams").isEqualTo(1);
        int line = ids.get(ids.size() - 1);

        for (int i = 0; i < 9; i++) {
            clients.get(i).close();
        }
        Eventually.await("nine streams closed", WAIT, () -> {
            clock.advance(Duration.ofSeconds(6)); // a heartbeat finds the closed connections
            return hub.openStreams() == 1;
        });
        clock.advance(Duration.ofSeconds(30)); // far past the linger: one stream still follows the line
        simulator.marketData().publish();
        clients.get(9).await(WAIT, e -> e.type().equals("quote"));
        assertThat(cancelled(line)).as("still watched").isFalse();

        clients.get(9).close();
        Eventually.await("the last stream closed", WAIT, () -> {
            clock.advance(Duration.ofSeconds(6));
            return hub.openStreams() == 0;
        });
        Eventually.await("line cancelled after the linger", WAIT, () -> {
            clock.advance(Duration.ofSeconds(1));
            return cancelled(line);
        });
        assertThat(requestIds()).hasSize(before + 1);
    }
}
