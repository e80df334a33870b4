package io.tradergateway.tws;

/**
 * What a request's deadline and a lost connection mean for it. A read can be cancelled at TWS when it times
 * out, and a reconnect simply failed it (ask again). An order cannot be taken back by a timeout, and when the
 * socket dies between send and answer nobody knows whether TWS took it: its outcome is unknown until
 * reconciliation (open orders, executions) settles it.
 */
public enum RequestKind {
    /** Cancel at TWS on timeout; a lost connection fails it ({@link TwsUnavailableException}). */
    READ(true, false),
    /** Never cancelled on timeout; a lost connection leaves it {@link TwsOutcomeUnknownException unknown}. */
    ORDER(false, true);

    private final boolean cancelOnTimeout;
    private final boolean outcomeUnknownOnLoss;

    RequestKind(boolean cancelOnTimeout, boolean outcomeUnknownOnLoss) {
        this.cancelOnTimeout = cancelOnTimeout;
        this.outcomeUnknownOnLoss = outcomeUnknownOnLoss;
    }

    public boolean cancelOnTimeout() {
        return cancelOnTimeout;
    }

    public boolean outcomeUnknownOnLoss() {
        return outcomeUnknownOnLoss;
    }
}
