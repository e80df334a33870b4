package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store writer's queue is bounded by bars, not only by tasks: answers arriving faster than the store writes
 * them are served but not kept once the bars waiting reach the bound, so a slow store never makes the heap hold a
 * whole first fetch; a write done frees its share at once.
 */
class StoredHistoryQueueTest {

    private static final Instant DAY = Instant.parse("2026-02-02T00:00:00Z");

    private final BarStore store = mock(BarStore.class);
    private final List<Runnable> writerQueue = new ArrayList<>(); // a writer that has not run yet
    private final StoredHistory stored = new StoredHistory(store, writerQueue::add, true, 1000);

    @Test
    void answersBeyondTheQueuedBarsBoundAreServedButNotKeptUntilTheWriterCatchesUp() {
        BarSize minute = BarSize.parse("1 min");
        Instant now = DAY.plusSeconds(30 * 86400);

        stored.keep(piece(0), minute, bars(0, 400), now);
        stored.keep(piece(1), minute, bars(1, 400), now);
        assertThat(stored.queuedBars()).isEqualTo(800);
        stored.keep(piece(2), minute, bars(2, 400), now); // 1,200 > 1,000: not queued
        assertThat(writerQueue).hasSize(2);
        assertThat(stored.queuedBars()).isEqualTo(800);

        writerQueue.remove(0).run();
        assertThat(stored.queuedBars()).isEqualTo(400);
        stored.keep(piece(3), minute, bars(3, 400), now); // room again
        writerQueue.forEach(Runnable::run);

        assertThat(stored.queuedBars()).isZero();
        verify(store, times(3)).record(eq(7L), any(), any());
        verify(store, never()).record(anyLong(), any(), eq(new BarStore.Span(day(2), day(3))));
    }

    private static Instant day(int n) {
        return DAY.plusSeconds(86400L * n);
    }

    private static HistoryPiece piece(int n) {
        BarRequest request = new BarRequest(
                265598,
                "SMART",
                BarSize.parse("1 min"),
                HistoryDuration.parse("1 D"),
                day(n + 1),
                WhatToShow.TRADES,
                false);
        return HistoryPiece.fromTws(new HistoryPlan.Chunk(request, day(n), day(n + 1)), 7L);
    }

    private static List<HistoryBar> bars(int n, int count) {
        List<HistoryBar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bars.add(new HistoryBar(day(n).plusSeconds(60L * i), 1, 1, 1, 1, BigDecimal.ONE, BigDecimal.ONE, 1));
        }
        return bars;
    }
}
