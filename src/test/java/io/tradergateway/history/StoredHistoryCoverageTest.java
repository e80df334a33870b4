package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What the store keeps and the range it records as covered are cut at the same whole seconds, whatever fractions
 * of a second "now" and the request's start carry: the store counts in seconds, so a kept bar outside the recorded
 * range, or a recorded range holding a bar that was not kept, would make a later read disagree with TWS. (Seen in
 * HistoryStoreIntegrationTests: a request at 13:29:00.5 kept the 13:28 minute bar, coverage ended at 13:28:00.)
 */
class StoredHistoryCoverageTest {

    private static final BarSize MINUTE = BarSize.parse("1 min");
    private static final Instant T0 = Instant.parse("2026-12-03T11:00:00Z");

    private final BarStore store = mock(BarStore.class);
    private final StoredHistory stored = new StoredHistory(store, Runnable::run, true, 100_000);

    @Test
    void aNowWithAFractionKeepsNoBarBeyondTheCoveredRange() {
        Instant now = Instant.parse("2026-12-03T13:29:00.500Z"); // the 13:28 bar ended half a second ago
        Keep kept = keep(T0, now, now);

        assertThat(kept.span()).isEqualTo(new BarStore.Span(T0, Instant.parse("2026-12-03T13:28:00Z")));
        assertThat(kept.last()).isEqualTo(Instant.parse("2026-12-03T13:27:00Z"));
        assertThat(kept.bars())
                .allSatisfy(b -> assertThat(within(b.time(), kept.span())).isTrue());
    }

    @Test
    void aStartWithAFractionRecordsNoCoverageOfTheBarItDidNotKeep() {
        Instant from = T0.plusMillis(500); // TWS's bars start on whole seconds; the 11:00 bar is before this start
        Instant now = Instant.parse("2026-12-03T14:00:00Z");
        Keep kept = keep(from, Instant.parse("2026-12-03T12:00:00.250Z"), now);

        assertThat(kept.span()).isEqualTo(new BarStore.Span(T0.plusSeconds(1), Instant.parse("2026-12-03T12:00:00Z")));
        assertThat(kept.bars().get(0).time()).isEqualTo(T0.plusSeconds(60));
        assertThat(kept.last()).isEqualTo(Instant.parse("2026-12-03T11:59:00Z"));
        assertThat(kept.bars())
                .allSatisfy(b -> assertThat(within(b.time(), kept.span())).isTrue());
    }

    @Test
    void wholeSecondsAreKeptAsTheyAre() {
        Instant now = Instant.parse("2026-12-03T13:29:00Z");
        Keep kept = keep(T0, now, now);

        assertThat(kept.span()).isEqualTo(new BarStore.Span(T0, Instant.parse("2026-12-03T13:28:00Z")));
        assertThat(kept.last()).isEqualTo(Instant.parse("2026-12-03T13:27:00Z"));
    }

    @Test
    void theSpanABulkJobRecordsFollowsTheSameRule() { // HistoryJobRunner keeps its chunks through finalSpan too
        Instant now = Instant.parse("2026-12-03T13:29:00.500Z");
        assertThat(StoredHistory.finalSpan(T0, now, MINUTE, now))
                .isEqualTo(new BarStore.Span(T0, Instant.parse("2026-12-03T13:28:00Z")));
        assertThat(StoredHistory.finalSpan(Instant.parse("2026-12-03T13:27:59.900Z"), null, MINUTE, now))
                .as("13:28:00 to 13:28:00: nothing final yet")
                .isNull();
    }

    private record Keep(List<HistoryBar> bars, BarStore.Span span) {
        Instant last() {
            return bars.get(bars.size() - 1).time();
        }
    }

    /** TWS answers every minute bar from {@code T0} up to the one holding {@code now} (the forming bar included). */
    @SuppressWarnings("unchecked")
    private Keep keep(Instant from, Instant to, Instant now) {
        BarRequest request =
                new BarRequest(265598, "SMART", MINUTE, HistoryDuration.parse("1 D"), to, WhatToShow.TRADES, false);
        HistoryPiece piece = HistoryPiece.fromTws(new HistoryPlan.Chunk(request, from, to), 7L);
        List<HistoryBar> answer = new ArrayList<>();
        for (Instant t = T0; !t.isAfter(now); t = t.plusSeconds(60)) {
            answer.add(new HistoryBar(t, 1, 1, 1, 1, BigDecimal.ONE, BigDecimal.ONE, 1));
        }
        stored.keep(piece, MINUTE, answer, now);
        ArgumentCaptor<List<HistoryBar>> bars = ArgumentCaptor.forClass(List.class);
        ArgumentCaptor<BarStore.Span> span = ArgumentCaptor.forClass(BarStore.Span.class);
        verify(store).record(eq(7L), bars.capture(), span.capture());
        return new Keep(bars.getValue(), span.getValue());
    }

    private static boolean within(Instant t, BarStore.Span span) {
        return !t.isBefore(span.from()) && t.isBefore(span.to());
    }
}
