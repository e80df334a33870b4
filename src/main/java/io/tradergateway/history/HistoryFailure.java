package io.tradergateway.history;

import java.time.Duration;

/**
 * A history request that cannot be answered, classed by what the client should do about it. Error 162 is not one
 * thing (IB-FACTS.md): TWS uses it for pacing, no data, missing permissions and cancelled queries, so
 * {@link HistoryErrors} classes it by its text.
 */
class HistoryFailure extends RuntimeException {

    enum Kind {
        /** 429: the pacing rules leave no slot within the bounded wait (or TWS reported a violation). */
        PACING_LIMITED,
        /** 404: TWS has no bars for the range. */
        NO_DATA,
        /** 403: the account lacks market data permissions for this contract. */
        NO_PERMISSION,
        /** 504: TWS cancelled the query. */
        CANCELLED,
        /** 400: TWS refused the request as invalid (321/322, other 162 texts). */
        REJECTED,
        /** 503: the history bulkhead is full. */
        BUSY
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final int ibCode;

    HistoryFailure(Kind kind, String detail, Duration retryAfter, int ibCode) {
        super(detail);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.ibCode = ibCode;
    }

    static HistoryFailure pacing(String detail, Duration retryAfter) {
        return new HistoryFailure(Kind.PACING_LIMITED, detail, retryAfter, 0);
    }

    Kind kind() {
        return kind;
    }

    /** How long to wait before retrying; null when retrying will not help. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** IB's error code behind it, 0 when the gateway decided on its own. */
    int ibCode() {
        return ibCode;
    }
}
