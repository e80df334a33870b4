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
 * chunks are fetched concurrently, as far as IB's rules and the download's memory budget allow: up to {@code
 * window} pieces ahead of the one being written are requested at once (the window is at most IB's 50 open
 * requests), but a chunk beyond the one being waited for is requested only while the pacer has a slot for it now,
 * so a download of paced (small) bars never holds future slots that other clients' requests could use, and only
 * while the chunks requested and not yet written fit in {@code budgetBars}, each counted at the most bars its
 * request can carry ({@link BarRequest#maxBars()}): big chunks mean fewer in flight. Chunks complete in any order;
 * the response takes them in time order, and a chunk's bars are let go (and its share of the budget freed) as soon
 * as they are written. The chunk being waited for is always requested, so a budget smaller than one chunk means
 * one chunk at a time, never a stall. Final bars are kept in the store as they are written. When the response
 * fails ({@link #abandon()}), what it still waits for is withdrawn: queued chunks are never sent.
 */
final class HistoryDownload {

    /** How a download fetches: at most {@code window} chunks ahead and {@code budgetBars} bars held at once. */
    record Limits(int window, long budgetBars, Duration patience) {
        Limits {
            window = Math.max(1, window);
            budgetBars = Math.max(1, budgetBars);
        }
    }

    private final HistoryService service;
    private final StoredHistory stored;
    private final List<HistoryPiece> pieces;
    private final BarSize barSize;
    private final ZoneId zone;
    private final Limits limits;
    private final Clock clock;
    private final List<CompletableFuture<List<HistoryBar>>> requested = new ArrayList<>();
    private long held; // the budget taken by chunks requested and not yet written
    private int next;
    private List<HistoryBar> pending; // the first bars, found before the response starts, not yet written
    private int pendingAt = -1;
    private boolean abandoned;

    /** Requests the first chunks now; the very first is bounded (429 when pacing leaves no slot in time). */
    HistoryDownload(
            HistoryService service,
            StoredHistory stored,
            List<HistoryPiece> pieces,
            BarSize barSize,
            ZoneId zone,
            Limits limits,
            Clock clock) {
        this.service = service;
        this.stored = stored;
        this.pieces = pieces;
        this.barSize = barSize;
        this.zone = zone;
        this.limits = limits;
        this.clock = clock;
        topUp();
    }

    /** Requests every piece up to the one being written, then further ahead while pacing and the budget allow. */
    private void topUp() {
        while (!abandoned && requested.size() < pieces.size() && requested.size() < next + limits.window()) {
            int i = requested.size();
            HistoryPiece piece = pieces.get(i);
            if (piece.isStored()) {
                requested.add(null);
                continue;
            }
            BarRequest request = piece.chunk().request();
            if (i > next && (held + request.maxBars() > limits.budgetBars() || !service.sendableNow(request))) {
                return; // asked again when the next piece is taken
            }
            held += request.maxBars();
            requested.add(service.fetch(request, zone, i == 0, !stored.servesRepeats(piece)));
        }
    }

    /**
     * Skips to the first piece with bars and keeps them for {@link #writeNext}; false when no piece has any.
     * Called before the response starts, so a failure here is still a problem response.
     */
    boolean findFirstBars() {
        while (next < pieces.size()) {
            int at = next;
            List<HistoryBar> bars = take();
            if (!bars.isEmpty()) {
                pending = bars;
                pendingAt = at;
                return true;
            }
            release(at);
        }
        return false;
    }

    /** Writes the next piece's bars (only those in its slice) and lets them go; false when every piece is done. */
    boolean writeNext(BarFormat format, BarFormat.Sink out) throws java.io.IOException {
        int at;
        List<HistoryBar> bars;
        if (pending != null) {
            at = pendingAt;
            bars = pending;
            pending = null;
        } else if (next < pieces.size()) {
            at = next;
            bars = take();
        } else {
            return false;
        }
        format.write(bars, out);
        release(at);
        return true;
    }

    /** The bars of the next piece, cut to its slice and handed to the store. */
    private List<HistoryBar> take() {
        topUp();
        HistoryPiece piece = pieces.get(next);
        CompletableFuture<List<HistoryBar>> answer = requested.get(next);
        requested.set(next, null); // the response holds the bars from here on
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
        if (chunk.from() != null || chunk.to() != null) {
            bars = bars.stream().filter(b -> chunk.keeps(b.time())).toList();
        }
        stored.keep(piece, barSize, bars, clock.instant());
        return bars;
    }

    /** The piece at {@code at} is written: its share of the budget is free, and more may be requested now. */
    private void release(int at) {
        HistoryPiece piece = pieces.get(at);
        if (!piece.isStored()) {
            held -= piece.chunk().request().maxBars();
        }
        topUp(); // slots and budget may have come free while this one was awaited and written
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
        pending = null;
        abandoned = true;
        next = pieces.size();
    }

    private List<HistoryBar> await(CompletableFuture<List<HistoryBar>> answer) {
        try {
            return answer.get(limits.patience().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new HistoryFailure(
                    HistoryFailure.Kind.CANCELLED,
                    "no answer within " + limits.patience().toMillis() + " ms",
                    null,
                    0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryFailure(HistoryFailure.Kind.CANCELLED, "interrupted", null, 0);
        }
    }
}
