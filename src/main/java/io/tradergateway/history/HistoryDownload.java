package io.tradergateway.history;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The chunks of one response, fetched in order with a bounded look-ahead: at most {@code prefetch} chunks are
 * requested ahead of the one being written, so memory per download stays bounded however long the range is,
 * while the pacer still sees enough requests to fill every allowed slot.
 */
final class HistoryDownload {

    private final HistoryService service;
    private final List<HistoryPlan.Chunk> chunks;
    private final ZoneId zone;
    private final int prefetch;
    private final Duration patience;
    private final List<CompletableFuture<List<HistoryBar>>> requested = new ArrayList<>();
    private int next;

    /** Requests the first chunks now; the very first is bounded (429 when pacing leaves no slot in time). */
    HistoryDownload(
            HistoryService service, List<HistoryPlan.Chunk> chunks, ZoneId zone, int prefetch, Duration patience) {
        this.service = service;
        this.chunks = chunks;
        this.zone = zone;
        this.prefetch = prefetch;
        this.patience = patience;
        topUp();
    }

    private void topUp() {
        while (requested.size() < chunks.size() && requested.size() < next + prefetch) {
            int i = requested.size();
            requested.add(service.fetch(chunks.get(i).request(), zone, i == 0));
        }
    }

    /** The bars of the next chunk (only those in its slice), or null when every chunk is done. */
    List<HistoryBar> next() {
        if (next >= chunks.size()) {
            return null;
        }
        HistoryPlan.Chunk chunk = chunks.get(next);
        CompletableFuture<List<HistoryBar>> answer = requested.get(next);
        requested.set(next, null); // let the bars go once written
        next++;
        topUp();
        List<HistoryBar> bars = await(answer);
        if (chunk.from() == null && chunk.to() == null) {
            return bars;
        }
        return bars.stream().filter(b -> chunk.keeps(b.time())).toList();
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
