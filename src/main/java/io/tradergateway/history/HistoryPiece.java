package io.tradergateway.history;

import java.time.Instant;

/**
 * One part of a response, in time order: either bars the store already holds ({@code stored}) or one TWS
 * request ({@code chunk}), whose final bars the store keeps once they arrive ({@code series}: the store's series,
 * null when the data is not kept, e.g. ADJUSTED_LAST, which changes with every dividend).
 */
record HistoryPiece(HistoryPlan.Chunk chunk, BarStore.Span stored, Long series) {

    static HistoryPiece fromStore(long series, BarStore.Span span) {
        return new HistoryPiece(null, span, series);
    }

    static HistoryPiece fromTws(HistoryPlan.Chunk chunk, Long series) {
        return new HistoryPiece(chunk, null, series);
    }

    boolean isStored() {
        return stored != null;
    }

    /** Where the piece's bars start; null for a duration request (TWS decides). */
    Instant from() {
        return stored != null ? stored.from() : chunk.from();
    }

    /** Where the piece's bars end; null for a duration request ending now. */
    Instant to() {
        return stored != null
                ? stored.to()
                : chunk.to() != null ? chunk.to() : chunk.request().end();
    }
}
