package io.tradergateway.account;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 503 {@code account-data-not-synced} + Retry-After: the data asked for has not been downloaded from TWS yet. */
public class AccountDataNotSyncedException extends ProblemException {

    static final URI TYPE = ProblemTypes.of("account-data-not-synced");

    private final Duration retryAfter;

    AccountDataNotSyncedException(String message, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, TYPE, "Account data not synced yet", message + "; retry later");
        this.retryAfter = retryAfter;
        retryAfter(retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
