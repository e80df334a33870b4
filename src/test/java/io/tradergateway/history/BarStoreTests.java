package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.StoreTestBase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bar store on a real database (H2 and PostgreSQL subclasses): bars once, ranges merged, gaps exact. */
abstract class BarStoreTests extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");
    private static final BarStore.Series MSFT_1M =
            new BarStore.Series(272093, BarSize.parse("1 min"), WhatToShow.TRADES, true);

    BarStore store;
    long series;

    @BeforeEach
    void store() {
        store = new BarStore(db.dataSource());
        series = store.seriesId(MSFT_1M);
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    static List<HistoryBar> bars(int fromMinute, int toMinute) {
        List<HistoryBar> bars = new ArrayList<>();
        for (int m = fromMinute; m < toMinute; m++) {
            bars.add(new HistoryBar(
                    at(m), 100 + m, 101 + m, 99 + m, 100.5 + m, new BigDecimal(1000 + m), new BigDecimal("100.25"), m));
        }
        return bars;
    }

    BarStore.Span span(int fromMinute, int toMinute) {
        return new BarStore.Span(at(fromMinute), at(toMinute));
    }

    @Test
    void aSeriesHasOneIdForEveryCaller() {
        assertThat(store.seriesId(MSFT_1M)).isEqualTo(series);
        assertThat(new BarStore(db.dataSource()).seriesId(MSFT_1M)).isEqualTo(series);
        long other = store.seriesId(new BarStore.Series(272093, BarSize.parse("1 min"), WhatToShow.TRADES, false));
        assertThat(other).isNotEqualTo(series);
    }

    @Test
    void barsComeBackExactlyAsWrittenInTimeOrder() {
        List<HistoryBar> written = bars(0, 30);
        List<HistoryBar> backwards = new ArrayList<>(written);
        java.util.Collections.reverse(backwards);
        assertThat(store.record(series, backwards, span(0, 30))).isEqualTo(30);
        assertThat(store.read(series, at(0), at(30))).containsExactlyElementsOf(written);
        assertThat(store.read(series, at(10), at(12))).containsExactlyElementsOf(written.subList(10, 12));
    }

    @Test
    void aBarWrittenTwiceIsStoredOnce() {
        store.record(series, bars(0, 20), span(0, 20));
        assertThat(store.record(series, bars(10, 30), span(10, 30))).isEqualTo(10);
        assertThat(store.count(series, at(0), at(30))).isEqualTo(30);
    }

    @Test
    void rangesThatOverlapOrTouchBecomeOneAndTheGapsAreWhatIsLeft() {
        store.record(series, bars(0, 10), span(0, 10));
        store.record(series, bars(20, 30), span(20, 30));
        store.record(series, List.of(), span(40, 50)); // TWS answered with no bars: covered all the same
        assertThat(store.gaps(series, at(0), at(60))).containsExactly(span(10, 20), span(30, 40), span(50, 60));
        store.record(series, bars(10, 20), span(10, 20)); // touches both neighbours
        assertThat(store.covered(series, at(0), at(60))).containsExactly(span(0, 30), span(40, 50));
        assertThat(store.gaps(series, at(5), at(45))).containsExactly(span(30, 40));
        assertThat(store.gaps(series, at(41), at(49))).isEmpty();
        assertThat(store.count(series, at(0), at(60))).isEqualTo(30);
    }

    @Test
    void concurrentWritersOfOverlappingRangesLeaveOneRangeAndNoDuplicate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int from = i * 5;
                BarStore own = new BarStore(db.dataSource()); // as another replica would
                writes.add(CompletableFuture.supplyAsync(
                        () -> own.record(own.seriesId(MSFT_1M), bars(from, from + 10), span(from, from + 10)), pool));
            }
            int added = 0;
            for (CompletableFuture<Integer> w : writes) {
                added += w.get();
            }
            assertThat(added).isEqualTo(45);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.covered(series, at(0), at(100))).containsExactly(span(0, 45));
        assertThat(store.count(series, at(0), at(100))).isEqualTo(45);
    }
}
