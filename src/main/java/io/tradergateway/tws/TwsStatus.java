package io.tradergateway.tws;

import java.time.Instant;
import java.util.List;

/**
 * An immutable picture of the connection, cheap to take: health probes and the status endpoint read this
 * instead of touching the socket.
 *
 * @param serverVersion negotiated server version, null while not connected
 * @param twsConnectionTime the connection time as TWS printed it, null while not connected
 * @param connectedSince when the current session became READY, null while not synced
 * @param managedAccounts accounts TWS reported for this session (empty until synced)
 * @param lastError the most recent connection-level problem, null if none
 * @param nextReconnectAt when the next connect attempt is scheduled, null if none is
 */
public record TwsStatus(
        BrokerMode mode,
        ConnectionState state,
        String host,
        int port,
        int clientId,
        Integer serverVersion,
        String twsConnectionTime,
        Instant connectedSince,
        Instant stateSince,
        List<String> managedAccounts,
        TwsError lastError,
        Instant nextReconnectAt) {

    public TwsStatus {
        managedAccounts = List.copyOf(managedAccounts);
    }

    /** A problem worth showing an operator: an IB code (or 0 for a local failure), text and time. */
    public record TwsError(int code, String message, Instant at) {}
}
