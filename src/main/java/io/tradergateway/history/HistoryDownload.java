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
 * The pieces of one response, in time order. Stored pieces are read from the store when their turn comes. TWS
 * chunks are fetched concurrently, as far as IB's rules allow: up to {@code window} pieces ahead of the one being
 * written are requested at once (the window is at most IB's 50 open requests), but a chunk beyond the one being
 * waited for is requested only while the pacer has a slot for it now, so a download of paced (small) bars never
 * holds future slots that other clients' requests could use. Chunks complete in any order; the response takes
 * them in time order (a reorder buffer of at most {@code window} chunks, so memory per download stays bounded
 * however long the range is). Final bars are kept in the store as they are written. When the response fails
 * ({@link #abandon()}), what it still waits for is withdrawn: queued chunks are never sent.
 */
final class HistoryDownload {

    private final HistoryService service;
    private final StoredHistory stored;
    private final List<HistoryPiece> pieces;
    private final BarSize barSize;
    private final ZoneId zone;
    private final int window;
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
            int window,
            Duration patience,
            Clock clock) {
        this.service = service;
        this.stored = stored;
        this.pieces = pieces;
        this.barSize = barSize;
        this.zone = zone;
        this.window = Math.max(1, window);
        this.patience = patience;
        this.clock = clock;
        topUp();
    }

    /** Requests every piece up to the one being written, then further ahead while pacing has a slot for it now. */
    private void topUp() {
        while (requested.size() < pieces.size() && requested.size() < next + window) {
            int i = requested.size();
            HistoryPiece piece = pieces.get(i);
            if (piece.isStored()) {
                requested.add(null);
                continue;
            }
            BarRequest request = piece.chunk().request();
            if (i > next && !service.sendableNow(request)) {
                return; // asked again when the next piece is taken
            }
            requested.add(service.fetch(request, zone, i == 0));
        }
    }

    /** The bars of the next piece (only those in its slice), or null when every piece is done. */
    List<HistoryBar> next() {
        if (next >= pieces.size()) {
            return null;
        }
        topUp();
        HistoryPiece piece = pieces.get(next);
        CompletableFuture<List<HistoryBar>> answer = requested.get(next);
        requested.set(next, null); // let the bars go once written
        next++;
        if (piece.isStored()) {
            topUp();
            return stored.read(piece);
        }
        HistoryPlan.Chunk chunk = piece.chunk();
        List<HistoryBar> bars;
        try {
            bars = await(answer);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
        topUp(); // slots may have come free while this one was awaited
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

    /** The response failed or its client left: withdraws every chunk still awaited (queued ones are never sent). */
    void abandon() {
        for (int i = next; i < requested.size(); i++) {
            CompletableFuture<List<HistoryBar>> answer = requested.get(i);
            if (answer != null) {
                answer.cancel(false);
                requested.set(i, null);
            }
        }
        next = pieces.size();
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
