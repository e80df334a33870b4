package io.tradergateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.HistoricalData;
import io.tradergateway.tws.wire.ManagedAccounts;
import io.tradergateway.tws.wire.ReqHistoricalData;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** IB's fourth historical rule, enforced by the simulator: at most 50 requests open at once. */
class SimHistoryOpenLimitTest {

    @Test
    void theFiftyFirstOpenRequestIsRefusedWith162AndTheHeldOnesAreAnsweredOnRelease() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-27T20:00:00Z")); // Friday 15:00 New York
        try (TwsSimulator simulator = new TwsSimulator(SimulatorSettings.defaults(), clock).start();
                RawTwsClient client = new RawTwsClient(simulator.host(), simulator.port())) {
            client.handshake(157, 200);
            client.startApi(1);
            client.next(ManagedAccounts.class);
            simulator.holdHistoricalAnswers(true);
            for (int reqId = 1; reqId <= 51; reqId++) {
                clock.advance(Duration.ofSeconds(16)); // outside the burst window; 37 per 10 minutes
                client.send(ReqHistoricalData.byConId(
                        reqId, 265598, "SMART", "", "5 secs", (1700 + reqId) + " S", true, "TRADES")); // all distinct
                int sent = reqId;
                Eventually.await(
                        "request " + sent + " at the simulator",
                        Duration.ofSeconds(5),
                        () -> simulator.received(ReqHistoricalData.class).size() == sent);
            }
            ErrorMessage refused = client.next(ErrorMessage.class);
            while (refused.reqId() < 0) {
                refused = client.next(ErrorMessage.class); // farm notices
            }
            assertThat(refused.reqId())
                    .as("%d: %s", refused.code(), refused.message())
                    .isEqualTo(51);
            assertThat(refused.code()).isEqualTo(162);
            assertThat(refused.message()).contains("simultaneous");
            assertThat(simulator.openHistoricalRequests()).isEqualTo(50);
            assertThat(simulator.pacingViolations()).isEqualTo(1);

            simulator.holdHistoricalAnswers(false);
            int answered = 0;
            while (answered < 50) {
                ServerMessage message = client.next();
                if (message instanceof HistoricalData data) {
                    assertThat(data.bars()).isNotEmpty();
                    answered++;
                }
            }
            Eventually.await("no request open", Duration.ofSeconds(5), () -> simulator.openHistoricalRequests() == 0);
        }
    }
}
