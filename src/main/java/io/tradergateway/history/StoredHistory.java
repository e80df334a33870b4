package io.tradergateway.history;

import io.tradergateway.contract.ContractInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in front of TWS for {@code GET /api/v1/history}. A start..end range is served from what the store holds
 * and only its gaps are asked of TWS (planned with {@link HistoryPlan} as before); what TWS answers is kept, and
 * the slice it answered for is recorded as covered, bars or none (a holiday is not asked for again). The bar still
 * forming is never kept: coverage stops one bar length before now. A duration request (its start is TWS's to
 * decide) always goes to TWS, and feeds the store from its first bar on.
 */
final class StoredHistory {

    private static final Logger log = LoggerFactory.getLogger(StoredHistory.class);

    private final BarStore store;
    private final Executor writer;
    private final boolean keepAnswers;

    /**
     * {@code writer}: where answers are written to the store, off the response's path (see {@link #keep});
     * {@code keepAnswers} false: interactive answers are served, not kept (bulk jobs still fill the store).
     */
    StoredHistory(BarStore store, Executor writer, boolean keepAnswers) {
        this.store = store;
        this.writer = writer;
        this.keepAnswers = keepAnswers;
    }

    BarStore store() {
        return store;
    }

    static boolean storable(WhatToShow whatToShow) {
        return whatToShow != WhatToShow.ADJUSTED_LAST;
    }

    static BarStore.Series series(ContractInfo contract, HistoryParameters p) {
        return new BarStore.Series(contract.conId(), p.barSize(), p.whatToShow(), p.useRth());
    }

    /** The pieces of a response, in time order. */
    List<HistoryPiece> plan(ContractInfo contract, HistoryParameters p, Instant now, int maxChunks) {
        if (!storable(p.whatToShow())) {
            return HistoryPlan.of(contract, p, now, maxChunks).stream()
                    .map(c -> HistoryPiece.fromTws(c, null))
                    .toList();
        }
        long series = store.seriesId(series(contract, p));
        if (p.duration() != null) {
            return HistoryPlan.of(contract, p, now, maxChunks).stream()
                    .map(c -> HistoryPiece.fromTws(c, series))
                    .toList();
        }
        Instant end = (p.end() != null ? p.end() : now).truncatedTo(ChronoUnit.SECONDS);
        List<HistoryPiece> pieces = new ArrayList<>();
        long step = StepSizes.largestFor(p.barSize()).seconds();
        Instant at = p.start();
        int chunks = 0;
        for (BarStore.Span gap : store.gaps(series, p.start(), end)) {
            addStored(pieces, series, at, gap.from(), step);
            HistoryParameters part =
                    new HistoryParameters(p.barSize(), null, gap.from(), gap.to(), p.whatToShow(), p.useRth());
            for (HistoryPlan.Chunk chunk : HistoryPlan.of(contract, part, now, maxChunks - chunks)) {
                pieces.add(HistoryPiece.fromTws(chunk, series));
                chunks++;
            }
            at = gap.to();
        }
        addStored(pieces, series, at, end, step);
        return pieces;
    }

    /** Covered [from, to) as store pieces of at most one TWS step each (memory per piece stays bounded). */
    private static void addStored(List<HistoryPiece> pieces, long series, Instant from, Instant to, long step) {
        Instant at = from;
        while (at.isBefore(to)) {
            Instant next = at.plusSeconds(step).isBefore(to) ? at.plusSeconds(step) : to;
            pieces.add(HistoryPiece.fromStore(series, new BarStore.Span(at, next)));
            at = next;
        }
    }

    List<HistoryBar> read(HistoryPiece piece) {
        return store.read(piece.series(), piece.stored().from(), piece.stored().to());
    }

    /**
     * Keeps what TWS answered for a piece ({@code bars}: already cut to its slice) and records the slice as
     * covered, up to one bar length before {@code now} (the bar still forming is not final). Written on the store
     * writer, so a slow or absent database never delays or fails an answer TWS has already given; a write that
     * fails or finds the writer's queue full leaves its range uncovered, to be fetched again next time (bars and
     * coverage are written in one transaction, so never half).
     */
    void keep(HistoryPiece piece, BarSize barSize, List<HistoryBar> bars, Instant now) {
        if (piece.series() == null || !keepAnswers) {
            return;
        }
        Instant cap = now.minusSeconds(barSize.seconds());
        Instant from = piece.chunk().from();
        if (from == null) { // a duration request: covered from its first bar
            if (bars.isEmpty()) {
                return;
            }
            from = bars.get(0).time();
        }
        Instant to = piece.to() == null || piece.to().isAfter(cap) ? cap : piece.to();
        if (!from.isBefore(to)) {
            return;
        }
        Instant start = from;
        Instant end = to;
        List<HistoryBar> finalBars = bars.stream()
                .filter(b -> !b.time().isBefore(start) && b.time().isBefore(end))
                .toList();
        BarStore.Span span = new BarStore.Span(from, to);
        try {
            writer.execute(() -> {
                try {
                    store.record(piece.series(), finalBars, span);
                } catch (RuntimeException e) {
                    log.warn("history store: {} bars of {} not kept: {}", finalBars.size(), span, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("history store: writer busy, {} bars of {} not kept", finalBars.size(), span);
        }
    }
}
