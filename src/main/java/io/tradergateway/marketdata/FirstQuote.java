package io.tradergateway.marketdata;

import java.util.concurrent.CompletableFuture;

/** A one-off read's watcher ({@code GET /api/v1/quotes}): the line's first complete quote, or the line's failure. */
final class FirstQuote implements QuoteListener {

    final CompletableFuture<Quote> quote = new CompletableFuture<>();

    @Override
    public void onQuote(Quote next) {
        if (next.complete()) {
            quote.complete(next);
        }
    }

    @Override
    public void onFailure(MarketDataException failure) {
        quote.completeExceptionally(failure);
    }
}
