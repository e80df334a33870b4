package io.tradergateway.history;

import io.tradergateway.contract.ContractNotFoundException;
import io.tradergateway.tws.TwsProblem;
import io.tradergateway.tws.TwsRequestException;
import java.time.Duration;

/**
 * What TWS's refusals of a history request mean to a client. The error is classified once, in
 * {@code IbCode.problem} (error 162 by its text); this only picks the history answer for each problem.
 */
final class HistoryErrors {

    private HistoryErrors() {}

    static boolean isNoData(TwsRequestException e) {
        return e.problem() == TwsProblem.NO_DATA;
    }

    /** The failure to report; {@code pacingRetry} is what to tell a client after a violation reported by TWS. */
    static RuntimeException classify(TwsRequestException e, Duration pacingRetry) {
        String detail = "TWS error " + e.code() + ": " + e.getMessage();
        return switch (e.problem()) {
            case PACING_VIOLATION ->
                new HistoryFailure(HistoryFailure.Kind.PACING_LIMITED, detail, pacingRetry, e.code());
            case NO_DATA -> new HistoryFailure(HistoryFailure.Kind.NO_DATA, detail, null, e.code());
            case NO_PERMISSION -> new HistoryFailure(HistoryFailure.Kind.NO_PERMISSION, detail, null, e.code());
            case QUERY_CANCELLED -> new HistoryFailure(HistoryFailure.Kind.CANCELLED, detail, null, e.code());
            case REJECTED -> new HistoryFailure(HistoryFailure.Kind.REJECTED, detail, null, e.code());
            case CONTRACT_NOT_FOUND -> ContractNotFoundException.from(e);
            case FAILED, MARKET_DATA_LINES, NOT_SUBSCRIBED -> e;
        };
    }
}
