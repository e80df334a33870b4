package io.tradergateway.history;

import io.tradergateway.tws.TwsProblem;
import io.tradergateway.web.ProblemException;
import io.tradergateway.web.Problems;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A history request that cannot be answered, classed by what the client should do about it; it carries its
 * problem (status, stable type, {@code ibCode}, {@code retryAfterMillis} and Retry-After). TWS's own refusals
 * arrive already classified by {@code IbCode} (error 162 is not one thing: pacing, no data, permissions,
 * cancelled) and {@link HistoryErrors} picks the kind.
 */
class HistoryFailure extends ProblemException {

    enum Kind {
        /** 429: the pacing rules leave no slot within the bounded wait (or TWS reported a violation). */
        PACING_LIMITED(Problems.statusOf(TwsProblem.PACING_VIOLATION), HistoryProblems.PACING_LIMITED, "Paced"),
        /** 404: TWS has no bars for the range. */
        NO_DATA(Problems.statusOf(TwsProblem.NO_DATA), HistoryProblems.NO_DATA, "No data"),
        /** 403: the account lacks market data permissions for this contract. */
        NO_PERMISSION(
                Problems.statusOf(TwsProblem.NO_PERMISSION),
                HistoryProblems.NO_PERMISSION,
                "No market data permission"),
        /** 504: TWS cancelled the query. */
        CANCELLED(Problems.statusOf(TwsProblem.QUERY_CANCELLED), HistoryProblems.CANCELLED, "Query cancelled"),
        /** 400, as everywhere (Problems.statusOf): TWS rejected the request as invalid (321/322, other 162 texts). */
        REJECTED(
                Problems.statusOf(TwsProblem.REJECTED),
                HistoryProblems.REJECTED,
                "TWS rejected the request as invalid"),
        /** 503: the history bulkhead is full. */
        BUSY(HttpStatus.SERVICE_UNAVAILABLE, HistoryProblems.BUSY, "History busy");

        private final HttpStatus status;
        private final URI type;
        private final String title;

        Kind(HttpStatus status, URI type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final int ibCode;

    HistoryFailure(Kind kind, String detail, Duration retryAfter, int ibCode) {
        super(kind.status, kind.type, kind.title, detail);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.ibCode = ibCode;
        if (ibCode != 0) {
            with("ibCode", ibCode);
        }
        if (retryAfter != null) {
            with("retryAfterMillis", retryAfter.toMillis());
            retryAfter(retryAfter);
        }
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
