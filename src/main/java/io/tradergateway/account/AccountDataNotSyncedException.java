package io.tradergateway.account;

import java.time.Duration;

/** The data asked for has not been downloaded from TWS yet since start-up (503 + Retry-After). */
public class AccountDataNotSyncedException extends RuntimeException {

    private final Duration retryAfter;

    AccountDataNotSyncedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
