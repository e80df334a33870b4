package io.tradergateway.marketdata;

/**
 * Receives a contract's quotes. Called on the TWS reader thread (and the market-data housekeeping thread for stale
 * flags): keep it quick and never block; hand the quote to a queue.
 */
public interface QuoteListener {

    void onQuote(Quote quote);

    /** The line ended for good (TWS refused it); the watch is over. */
    default void onFailure(MarketDataException failure) {}
}
