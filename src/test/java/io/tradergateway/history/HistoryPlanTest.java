package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.contract.ContractInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges split into the largest requests IB allows, stitched back without gaps or overlaps. */
class HistoryPlanTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ContractInfo AAPL = new ContractInfo(
            265598,
            "AAPL",
            "STK",
            "SMART",
            "NASDAQ",
            "USD",
            "AAPL",
            "NMS",
            null,
            null,
            null,
            null,
            "APPLE INC",
            null,
            List.of("SMART"),
            "US/Eastern",
            null,
            null,
            null,
            null,
            "COMMON");

    @Test
    void aDurationIsOneRequestEndingAtTheGivenEndOrNow() {
        HistoryParameters p = HistoryParameters.parse("1 min", "1 D", null, null, "TRADES", null, CLOCK);
        List<HistoryPlan.Chunk> chunks = HistoryPlan.of(AAPL, p, NOW, 10);

        assertThat(chunks).hasSize(1);
        BarRequest request = chunks.get(0).request();
        assertThat(request.conId()).isEqualTo(265598);
        assertThat(request.exchange()).isEqualTo("SMART");
        assertThat(request.end()).isEqualTo(NOW);
        assertThat(chunks.get(0).keeps(Instant.EPOCH)).isTrue(); // a duration keeps everything TWS sends
    }

    @Test
    void adjustedLastIsSentWithoutAnEnd() {
        HistoryParameters p = HistoryParameters.parse("1 day", "1 Y", null, null, "ADJUSTED_LAST", null, CLOCK);
        assertThat(HistoryPlan.of(AAPL, p, NOW, 10).get(0).request().end()).isNull();
    }

    @Test
    void aRangeIsSplitIntoTheLargestRequestsBackToBackOldestFirst() {
        // 5-second bars: at most 3600 S per request (IB's step sizes); 2.5 h -> 3 chunks, the first one partial
        HistoryParameters p = HistoryParameters.parse(
                "5 secs", null, "2026-03-02T12:30:00Z", "2026-03-02T15:00:00Z", "TRADES", null, CLOCK);
        List<HistoryPlan.Chunk> chunks = HistoryPlan.of(AAPL, p, NOW, 10);

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).from()).isEqualTo(Instant.parse("2026-03-02T12:30:00Z"));
        assertThat(chunks.get(2).to()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).from()).isEqualTo(chunks.get(i - 1).to());
        }
        assertThat(chunks)
                .allSatisfy(c -> assertThat(c.request().duration()).isEqualTo(HistoryDuration.parse("3600 S")));
        HistoryPlan.Chunk first = chunks.get(0);
        assertThat(first.keeps(Instant.parse("2026-03-02T12:29:55Z"))).isFalse(); // before the range: dropped
        assertThat(first.keeps(Instant.parse("2026-03-02T12:30:00Z"))).isTrue();
        assertThat(first.keeps(first.to())).isFalse(); // the next chunk's
    }

    @Test
    void aRangeNeedingTooManyRequestsIsRefusedBeforeAnythingIsSent() {
        HistoryParameters p = HistoryParameters.parse(
                "5 secs", null, "2026-02-01T00:00:00Z", "2026-03-02T15:00:00Z", "TRADES", null, CLOCK);
        assertThatThrownBy(() -> HistoryPlan.of(AAPL, p, NOW, 10))
                .isInstanceOfSatisfying(InvalidHistoryParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("start");
                    assertThat(e.type()).isEqualTo(HistoryProblems.INVALID_RANGE);
                });
    }
}
