package io.tradergateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.tws.wire.ReqHistoricalData;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The simulator's pacing judge: IB's three rules on the instants it is given, and a violation's log line says
 * which rule broke and by how much the request was early (a few ms is stamping jitter, not a pacing fault).
 */
@ExtendWith(OutputCaptureExtension.class)
class SimPacingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    private final SimPacing pacing = new SimPacing();

    private static ReqHistoricalData request(int reqId, String end, String whatToShow) {
        return ReqHistoricalData.byConId(reqId, 265598, "SMART", end, "5 secs", "1800 S", true, whatToShow);
    }

    private boolean at(long millis, int reqId, String end) {
        return pacing.violates(request(reqId, end, "TRADES"), 5, T0.plusMillis(millis));
    }

    @Test
    void aSixthRequestWithinTheBurstWindowIsAViolationAndSaysHowEarlyItCame(CapturedOutput output) {
        for (int i = 0; i < 5; i++) {
            assertThat(at(100L * i, i, "20260302 1" + i + ":00:00 UTC")).isFalse();
        }
        assertThat(at(1_970, 5, "20260302 15:00:00 UTC")).isTrue(); // the first leaves the 2 s window at 2,000 ms
        assertThat(output).contains("burst weight 6/5 in 2000 ms, 30 ms early");
        assertThat(at(2_050, 6, "20260302 16:00:00 UTC"))
                .as("the first has left, but the violating sixth still counts, as at IB")
                .isTrue();
        assertThat(output).contains("burst weight 6/5 in 2000 ms, 50 ms early"); // the one at 100 ms must leave
        assertThat(pacing.violations()).isEqualTo(2);
    }

    @Test
    void anIdenticalRequestSaysHowLongBeforeTheWindowEndedItCame(CapturedOutput output) {
        assertThat(at(0, 1, "20260302 10:00:00 UTC")).isFalse();
        assertThat(at(14_000, 2, "20260302 10:00:00 UTC")).isTrue();
        assertThat(output).contains("identical within 15000 ms, 1000 ms early");
        assertThat(at(30_000, 3, "20260302 10:00:00 UTC"))
                .as("15 s after the latest identical one")
                .isFalse();
    }

    @Test
    void theOverallRateCountsEveryContractAndBidAskTwice(CapturedOutput output) {
        pacing.rules(SimPacing.Rules.ib().scaled(0.01)); // 10 minutes -> 6 s, 2 s -> 20 ms
        for (int i = 0; i < 59; i++) {
            assertThat(at(50L * i, i, "20260302 10:" + String.format("%02d", i) + ":00 UTC"))
                    .isFalse();
        }
        assertThat(pacing.violates(request(99, "20260302 11:00:00 UTC", "BID_ASK"), 5, T0.plusMillis(3_000)))
                .isTrue();
        assertThat(output).contains("rate weight 61/60 in 6000 ms, 3000 ms early");
    }
}
