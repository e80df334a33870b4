package io.tradergateway.tws;

import java.time.Duration;

/** TWS cannot serve the request now (not connected or not synced); worth retrying after {@link #retryAfter()}. */
public class TwsUnavailableException extends RuntimeException {

    private final ConnectionState state;
    private final Duration retryAfter;

    public TwsUnavailableException(String message, ConnectionState state, Duration retryAfter) {
        super(message);
        this.state = state;
        this.retryAfter = retryAfter;
    }

    public ConnectionState state() {
        return state;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
