package io.tradergateway.history;

import io.tradergateway.contract.ContractNotFoundException;
import io.tradergateway.tws.IbCode;
import io.tradergateway.tws.TwsRequestException;
import java.time.Duration;
import java.util.Locale;

/**
 * Classes TWS's historical-data errors. 162 by its text (IB-FACTS.md; texts as TWS sends them, e.g.
 * "Historical Market Data Service error message:Historical data request pacing violation", "...:HMDS query
 * returned no data: ...", "...:No market data permissions.", "...:API historical data query cancelled: ..."),
 * 200 is an unknown contract, 321/322 a request TWS refused as invalid.
 */
final class HistoryErrors {

    private HistoryErrors() {}

    static boolean isNoData(TwsRequestException e) {
        return e.code() == IbCode.PACING_OR_NO_DATA && text(e).contains("returned no data");
    }

    /** The failure to report; {@code pacingRetry} is what to tell a client after a violation reported by TWS. */
    static RuntimeException classify(TwsRequestException e, Duration pacingRetry) {
        String text = text(e);
        String detail = "TWS error " + e.code() + ": " + e.getMessage();
        if (e.code() == IbCode.PACING_OR_NO_DATA) {
            if (text.contains("pacing violation")) {
                return new HistoryFailure(HistoryFailure.Kind.PACING_LIMITED, detail, pacingRetry, e.code());
            }
            if (text.contains("returned no data")) {
                return new HistoryFailure(HistoryFailure.Kind.NO_DATA, detail, null, e.code());
            }
            if (text.contains("permission")) {
                return new HistoryFailure(HistoryFailure.Kind.NO_PERMISSION, detail, null, e.code());
            }
            if (text.contains("cancelled") || text.contains("canceled")) {
                return new HistoryFailure(HistoryFailure.Kind.CANCELLED, detail, null, e.code());
            }
            return new HistoryFailure(HistoryFailure.Kind.REJECTED, detail, null, e.code());
        }
        if (e.code() == IbCode.NO_SECURITY_DEFINITION) {
            return new ContractNotFoundException("TWS knows no such contract: " + detail);
        }
        if (e.code() == 321 || e.code() == 322) {
            return new HistoryFailure(HistoryFailure.Kind.REJECTED, detail, null, e.code());
        }
        return e;
    }

    private static String text(TwsRequestException e) {
        return e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    }
}
