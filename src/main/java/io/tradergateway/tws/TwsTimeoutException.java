package io.tradergateway.tws;

import java.time.Duration;

/** TWS did not finish answering within the request's deadline; the request was cancelled at TWS. */
public class TwsTimeoutException extends RuntimeException {

    private final Duration timeout;

    public TwsTimeoutException(String name, Duration timeout) {
        super(name + " got no complete answer from TWS within " + timeout.toMillis() + " ms");
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
