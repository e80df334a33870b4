package io.tradergateway.tws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of the connection, cheap to take: health probes and the status endpoint read this
 * instead of touching the socket.
 *
 * @param clientId the client id in use (or to be used next); differs from configuredClientId after a 326
 * @param serverVersion negotiated server version, null while not connected
 * @param twsConnectionTime the connection time as TWS printed it, null while not connected
 * @param connectedSince when the current session became READY, null while not synced
 * @param managedAccounts accounts TWS reported for this session (empty until synced)
 * @param farms data farm states from TWS's notices (farm name -> OK, BROKEN or INACTIVE)
 * @param lastError the most recent connection-level problem, null if none
 * @param nextReconnectAt when the next connect attempt is scheduled, null if none is
 * @param reconnects sessions established after the first one
 */
public record TwsStatus(
        BrokerMode mode,
        ConnectionState state,
        String host,
        int port,
        int clientId,
        int configuredClientId,
        Integer serverVersion,
        String twsConnectionTime,
        Instant connectedSince,
        Instant stateSince,
        List<String> managedAccounts,
        Map<String, String> farms,
        TwsError lastError,
        Instant nextReconnectAt,
        int pendingRequests,
        int subscriptions,
        long reconnects) {

    public TwsStatus {
        managedAccounts = List.copyOf(managedAccounts);
        farms = Map.copyOf(farms);
    }

    /** A problem worth showing an operator: an IB code (or 0 for a local failure), text and time. */
    public record TwsError(int code, String message, Instant at) {}
}
