package io.tradergateway.history;

import io.tradergateway.contract.ContractInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
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
    private final long queueMaxBars;
    private final AtomicLong queuedBars = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * {@code writer}: where answers are written to the store, off the response's path (see {@link #keep});
     * {@code keepAnswers} false: interactive answers are served, not kept (bulk jobs still fill the store);
     * {@code queueMaxBars}: the most bars waiting for the writer at once (a store slower than TWS must not make the
     * heap hold every answer of a long first fetch until it catches up).
     */
    StoredHistory(BarStore store, Executor writer, boolean keepAnswers, long queueMaxBars) {
        this.store = store;
        this.writer = writer;
        this.keepAnswers = keepAnswers;
        this.queueMaxBars = queueMaxBars;
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

    /** Whether TWS's answer for this piece is kept. */
    boolean keeps(HistoryPiece piece) {
        return piece.series() != null && keepAnswers;
    }

    /**
     * Whether a repeat of this piece will be served by the store (a start..end range it keeps), so the result cache
     * need not hold it too; a duration request always asks TWS again, so only the cache can spare that.
     */
    boolean servesRepeats(HistoryPiece piece) {
        return keeps(piece) && piece.chunk().from() != null;
    }

    /**
     * Keeps what TWS answered for a piece ({@code bars}: already cut to its slice) and records the slice as
     * covered, up to one bar length before {@code now} (the bar still forming is not final). Written on the store
     * writer, so a slow or absent database never delays or fails an answer TWS has already given; a write that
     * fails or finds the writer's queue full (by tasks or by {@code queueMaxBars}) leaves its range uncovered, to be
     * fetched again next time (bars and coverage are written in one transaction, so never half).
     */
    void keep(HistoryPiece piece, BarSize barSize, List<HistoryBar> bars, Instant now) {
        if (!keeps(piece)) {
            return;
        }
        Instant from = piece.chunk().from();
        if (from == null) { // a duration request: covered from its first bar
            if (bars.isEmpty()) {
                return;
            }
            from = bars.get(0).time();
        }
        BarStore.Span span = finalSpan(from, piece.to(), barSize, now);
        if (span == null) {
            return;
        }
        List<HistoryBar> finalBars =
                bars.stream().filter(b -> span.contains(b.time())).toList();
        long size = finalBars.size();
        if (queuedBars.addAndGet(size) > queueMaxBars && size > 0) {
            queuedBars.addAndGet(-size);
            busy(size, span);
            return;
        }
        try {
            writer.execute(() -> {
                try {
                    store.record(piece.series(), finalBars, span);
                } catch (RuntimeException e) {
                    log.warn("history store: {} bars of {} not kept: {}", size, span, e.toString());
                } finally {
                    queuedBars.addAndGet(-size);
                }
            });
        } catch (RejectedExecutionException e) {
            queuedBars.addAndGet(-size);
            busy(size, span);
        }
    }

    /**
     * What of [{@code from}, {@code to}) may be recorded as covered at {@code now} ({@code to} null: up to now): up
     * to one bar length before now (the bar still forming is not final), in the whole seconds the store counts in,
     * so that the bars kept and the range recorded are cut at the same instants (a cap of 13:28:00.5 once kept the
     * 13:28 bar and recorded coverage to 13:28:00). Null when nothing is left.
     */
    static BarStore.Span finalSpan(Instant from, Instant to, BarSize barSize, Instant now) {
        Instant cap = now.minusSeconds(barSize.seconds());
        Instant end = (to == null || to.isAfter(cap) ? cap : to).truncatedTo(ChronoUnit.SECONDS);
        Instant whole = from.truncatedTo(ChronoUnit.SECONDS);
        Instant start = whole.equals(from) ? from : whole.plusSeconds(1);
        return start.isBefore(end) ? new BarStore.Span(start, end) : null;
    }

    /** Bars waiting for the writer now (what {@code queueMaxBars} bounds). */
    long queuedBars() {
        return queuedBars.get();
    }

    private void busy(long size, BarStore.Span span) {
        long count = dropped.incrementAndGet();
        if (count % 100 == 1) { // a long fetch against a slow store would otherwise log every chunk
            log.warn(
                    "history store: writer busy, {} bars of {} not kept ({} answers not kept so far)",
                    size,
                    span,
                    count);
        }
    }
}
