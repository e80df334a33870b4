package io.tradergateway.tws;

import io.tradergateway.tws.TwsStatus.TwsError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One socket's session with TWS: the connection, its server version, the client id it runs as, the accounts
 * and order ids TWS gave it, and its heartbeat bookkeeping. A reconnect makes a new session, so anything that
 * belongs to a dead socket (a late reader callback, a heartbeat answer) is recognised by identity and dropped.
 */
final class TwsSession {

    private final TwsConnection connection;
    private final int clientId;
    private final int number;
    private final OrderIds orderIds = new OrderIds();
    private final AtomicBoolean heartbeatInFlight = new AtomicBoolean();
    private final Map<String, String> farms = new ConcurrentHashMap<>();
    private volatile List<String> accounts = List.of();
    private volatile Instant lastInbound;
    private volatile TwsError closingBecause; // set when the gateway drops the socket, so the reason survives
    private ScheduledFuture<?> syncDeadline; // guarded by the keeper's lock
    private boolean resubscribeDue; // guarded by the keeper's lock

    TwsSession(TwsConnection connection, int clientId, int number, Instant openedAt) {
        this.connection = connection;
        this.clientId = clientId;
        this.number = number;
        this.lastInbound = openedAt;
    }

    TwsConnection connection() {
        return connection;
    }

    int serverVersion() {
        return connection.serverVersion();
    }

    int clientId() {
        return clientId;
    }

    /** 1 for the first socket of this bean, then counting up (names the reader thread). */
    int number() {
        return number;
    }

    OrderIds orderIds() {
        return orderIds;
    }

    List<String> accounts() {
        return accounts;
    }

    void accounts(List<String> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    Map<String, String> farms() {
        return farms;
    }

    Instant lastInbound() {
        return lastInbound;
    }

    void heard(Instant at) {
        lastInbound = at;
    }

    /** Claims the one heartbeat slot; false if a heartbeat is already out. */
    boolean startHeartbeat() {
        return heartbeatInFlight.compareAndSet(false, true);
    }

    void heartbeatDone() {
        heartbeatInFlight.set(false);
    }

    TwsError closingBecause() {
        return closingBecause;
    }

    /** Closes the socket on the gateway's own initiative; the reader reports the close. */
    void drop(TwsError because) {
        closingBecause = because;
        connection.close();
    }

    void syncDeadline(ScheduledFuture<?> deadline) {
        syncDeadline = deadline;
    }

    void cancelSyncDeadline() {
        if (syncDeadline != null) {
            syncDeadline.cancel(false);
        }
    }

    void resubscribeDue(boolean due) {
        resubscribeDue = due;
    }

    boolean resubscribeDue() {
        return resubscribeDue;
    }
}
