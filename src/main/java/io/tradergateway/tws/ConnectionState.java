package io.tradergateway.tws;

/** Where the gateway's connection to TWS stands. */
public enum ConnectionState {
    /** No socket; a reconnect may be scheduled. */
    DISCONNECTED,
    /** Opening the socket and exchanging versions. */
    CONNECTING,
    /** Handshake done; waiting for nextValidId and managedAccounts. */
    SYNCING,
    /** Synced: requests can be served. */
    READY,
    /** Socket up, but TWS has lost IB's servers (1100): data may be stale. */
    DEGRADED;

    public boolean isUsable() {
        return this == READY || this == DEGRADED;
    }
}
