package io.tradergateway.marketdata;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * Why market data cannot be had, with its ProblemDetail: 429 {@code market-data-lines-exhausted} (the gateway's
 * line budget, or TWS's own limit 101), 403 {@code market-data-not-subscribed} (no live data and no delayed fallback:
 * 354 / 10089 / 10197 with the fallback off, or 10168), 502 {@code market-data-refused} for anything else TWS said.
 */
public class MarketDataException extends ProblemException {

    public static final URI LINES_EXHAUSTED = ProblemTypes.of("market-data-lines-exhausted");
    public static final URI NOT_SUBSCRIBED = ProblemTypes.of("market-data-not-subscribed");
    public static final URI REFUSED = ProblemTypes.of("market-data-refused");

    private MarketDataException(HttpStatus status, URI type, String title, String detail) {
        super(status, type, title, detail);
    }

    /** The gateway's own budget (gateway.market-data.max-lines) or TWS's (error 101) is used up. */
    static MarketDataException linesExhausted(int limit, String detail, Duration retryAfter) {
        MarketDataException e = new MarketDataException(
                HttpStatus.TOO_MANY_REQUESTS, LINES_EXHAUSTED, "Market data lines exhausted", detail);
        e.with("limit", limit);
        e.retryAfter(retryAfter);
        return e;
    }

    static MarketDataException notSubscribed(int conId, int code, String message) {
        return fromTws(
                HttpStatus.FORBIDDEN,
                NOT_SUBSCRIBED,
                "Market data not subscribed",
                "No market data",
                conId,
                code,
                message);
    }

    static MarketDataException refused(int conId, int code, String message) {
        return fromTws(
                HttpStatus.BAD_GATEWAY,
                REFUSED,
                "Market data refused by TWS",
                "TWS refused market data",
                conId,
                code,
                message);
    }

    private static MarketDataException fromTws(
            HttpStatus status, URI type, String title, String what, int conId, int code, String message) {
        MarketDataException e = new MarketDataException(
                status, type, title, what + " for conId " + conId + ": TWS error " + code + ": " + message);
        e.with("conId", conId);
        e.with("ibCode", code);
        return e;
    }
}
