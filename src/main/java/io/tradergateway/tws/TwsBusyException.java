package io.tradergateway.tws;

/** Too many requests are already waiting on TWS; refused at once rather than queued without bound. */
public class TwsBusyException extends RuntimeException {

    public TwsBusyException(int limit) {
        super(limit + " requests are already waiting for TWS; try again shortly");
    }
}
