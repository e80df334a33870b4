package io.tradergateway.tws;

/**
 * What an IB error means for the request it failed, classified once by {@link IbCode#problem}. Features turn
 * a problem into their own answer (history: 429, 404, 403, ...); the web layer maps what is left.
 */
public enum TwsProblem {
    /** 200: TWS knows no such contract. */
    CONTRACT_NOT_FOUND,
    /** 162 "pacing violation": too many historical requests. */
    PACING_VIOLATION,
    /** 162 "HMDS query returned no data". */
    NO_DATA,
    /** 162 "No market data permissions". */
    NO_PERMISSION,
    /** 162 "query cancelled". */
    QUERY_CANCELLED,
    /** 101: TWS's own limit of simultaneous market-data lines is reached. */
    MARKET_DATA_LINES,
    /**
     * 354, 10089, 10197: no live market data for this contract (not subscribed, or a competing live session);
     * delayed data may be had with reqMarketDataType.
     */
    NOT_SUBSCRIBED,
    /** 321/322 and other 162 texts: TWS refused the request as invalid. */
    REJECTED,
    /** Anything else TWS refused. */
    FAILED
}
