package io.tradergateway.history;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pieces of one response, in order: stored ones are read from the store when their turn comes, TWS chunks are
 * requested with a bounded look-ahead (at most {@code prefetch} ahead of the one being written, so memory per
 * download stays bounded however long the range is, while the pacer still sees enough requests to fill every
 * allowed slot) and their final bars are kept in the store as they are written.
 */
final class HistoryDownload {

    private final HistoryService service;
    private final StoredHistory stored;
    private final List<HistoryPiece> pieces;
    private final BarSize barSize;
    private final ZoneId zone;
    private final int prefetch;
    private final Duration patience;
    private final Clock clock;
    private final List<CompletableFuture<List<HistoryBar>>> requested = new ArrayList<>();
    private int next;

    /** Requests the first chunks now; the very first is bounded (429 when pacing leaves no slot in time). */
    HistoryDownload(
            HistoryService service,
            StoredHistory stored,
            List<HistoryPiece> pieces,
            BarSize barSize,
            ZoneId zone,
            int prefetch,
            Duration patience,
            Clock clock) {
        this.service = service;
        this.stored = stored;
        this.pieces = pieces;
        this.barSize = barSize;
        this.zone = zone;
        this.prefetch = prefetch;
        this.patience = patience;
        this.clock = clock;
        topUp();
    }

    private void topUp() {
        while (requested.size() < pieces.size() && requested.size() < next + prefetch) {
            int i = requested.size();
            HistoryPiece piece = pieces.get(i);
            requested.add(piece.isStored() ? null : service.fetch(piece.chunk().request(), zone, i == 0));
        }
    }

    /** The bars of the next piece (only those in its slice), or null when every piece is done. */
    List<HistoryBar> next() {
        if (next >= pieces.size()) {
            return null;
        }
        HistoryPiece piece = pieces.get(next);
        CompletableFuture<List<HistoryBar>> answer = requested.get(next);
        requested.set(next, null); // let the bars go once written
        next++;
        topUp();
        if (piece.isStored()) {
            return stored.read(piece);
        }
        HistoryPlan.Chunk chunk = piece.chunk();
        List<HistoryBar> bars = await(answer);
        if (chunk.from() != null || chunk.to() != null) {
            bars = bars.stream().filter(b -> chunk.keeps(b.time())).toList();
        }
        stored.keep(piece, barSize, bars, clock.instant());
        return bars;
    }

    /** Skips to the first chunk with bars; null when there is none. */
    List<HistoryBar> firstBars() {
        List<HistoryBar> bars;
        do {
            bars = next();
        } while (bars != null && bars.isEmpty());
        return bars;
    }

    private List<HistoryBar> await(CompletableFuture<List<HistoryBar>> answer) {
        try {
            return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new HistoryFailure(
                    HistoryFailure.Kind.CANCELLED, "no answer within " + patience.toMillis() + " ms", null, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryFailure(HistoryFailure.Kind.CANCELLED, "interrupted", null, 0);
        }
    }
}
