package io.tradergateway.tws;

/**
 * The connection was lost (or the deadline passed) after a request that changes state at TWS was sent: TWS may
 * or may not have acted on it. Only reconciliation with TWS's own records can tell.
 */
public class TwsOutcomeUnknownException extends RuntimeException {

    private final String request;

    public TwsOutcomeUnknownException(String request, String why) {
        super(request + ": outcome unknown (" + why + "); TWS may have acted on it");
        this.request = request;
    }

    public String request() {
        return request;
    }
}
