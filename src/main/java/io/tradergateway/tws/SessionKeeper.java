package io.tradergateway.tws;

import io.tradergateway.tws.SessionStateMachine.Effect;
import io.tradergateway.tws.SessionStateMachine.Transition;
import io.tradergateway.tws.TwsStatus.TwsError;
import io.tradergateway.tws.wire.ClientRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The connection's state, under one lock: the pure {@link SessionStateMachine}, the current {@link TwsSession}
 * (one per socket; a reconnect makes a new one) and what the status shows. Events come from the
 * {@link Reconnector} (attempts, opened, closed), {@link SessionInbound} (the reader) and {@link Housekeeping};
 * each runs inside {@link #locked}, which delivers the listener notifications a transition queued once the lock
 * is released, and hands the transition to {@link #apply}, the one place that carries out effects.
 */
final class SessionKeeper {

    private final TwsProperties settings;
    private final Supplier<TwsEndpoint> endpoints;
    private final Clock clock;
    private final Notifier notifier;
    private final RequestRegistry requests;
    private final Reconnector reconnector;
    private final SessionStateMachine machine = new SessionStateMachine();
    private final Object lock = new Object();

    // all guarded by lock
    private boolean running;
    private TwsEndpoint endpoint;
    private TwsSession session;
    private Instant stateSince;
    private Instant connectedSince;
    private TwsError lastError;

    SessionKeeper(
            TwsProperties settings,
            Supplier<TwsEndpoint> endpoints,
            Clock clock,
            Backoff backoff,
            Notifier notifier,
            RequestRegistry requests,
            SessionInbound inbound,
            MessagePacer pacer) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.clock = clock;
        this.notifier = notifier;
        this.requests = requests;
        this.reconnector = new Reconnector(settings, clock, backoff, this, inbound, pacer);
        this.stateSince = clock.instant();
    }

    ConnectionState state() {
        synchronized (lock) {
            return machine.state();
        }
    }

    long reconnects() {
        synchronized (lock) {
            return machine.reconnects();
        }
    }

    Duration retryAfter() {
        synchronized (lock) {
            return reconnector.retryAfter();
        }
    }

    boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }

    TwsStatus status(int pendingRequests, int subscriptionCount) {
        synchronized (lock) {
            TwsEndpoint target = endpoint != null ? endpoint : endpoints.get();
            TwsConnection connection = session == null ? null : session.connection();
            ConnectionState state = machine.state();
            return new TwsStatus(
                    target.mode(),
                    state,
                    target.host(),
                    target.port(),
                    reconnector.clientId(),
                    settings.clientId(),
                    connection != null ? connection.serverVersion() : null,
                    connection != null ? connection.connectionTime() : null,
                    connectedSince,
                    stateSince,
                    state.isUsable() ? session.accounts() : List.of(),
                    session == null ? Map.of() : session.farms(),
                    lastError,
                    reconnector.nextAttemptAt(),
                    pendingRequests,
                    subscriptionCount,
                    machine.reconnects());
        }
    }

    /** Starts connecting on {@code connector} (shared with housekeeping); false if running already. */
    boolean start(ScheduledExecutorService connector) {
        return locked(() -> {
            if (running) {
                return false;
            }
            running = true;
            endpoint = endpoints.get();
            apply(machine.started());
            reconnector.start(connector);
            return true;
        });
    }

    /** What {@link #stop} leaves to its caller: the last session (null if none), whether it was synced. */
    record Stopped(TwsSession last, boolean wasUsable) {}

    /** Stops reconnecting and forgets the session; null if not running. */
    Stopped stop() {
        return locked(() -> {
            if (!running) {
                return null;
            }
            running = false;
            reconnector.stop();
            Stopped stopped = new Stopped(session, machine.state().isUsable());
            session = null;
            apply(machine.stopped());
            return stopped;
        });
    }

    /** The current session if it is synced (READY or DEGRADED), else {@link TwsUnavailableException}. */
    TwsSession usable() {
        synchronized (lock) {
            ConnectionState state = machine.state();
            if (!state.isUsable() || session == null) {
                throw new TwsUnavailableException(
                        "not connected to TWS (state " + state + ")", state, reconnector.retryAfter());
            }
            return session;
        }
    }

    /** The current session if it is synced, else null. */
    TwsSession usableSession() {
        synchronized (lock) {
            return machine.state().isUsable() ? session : null;
        }
    }

    boolean isCurrent(TwsSession from) {
        synchronized (lock) {
            return from == session;
        }
    }

    void sendIfUsable(ClientRequest message) {
        TwsSession target = usableSession();
        if (target != null) {
            trySend(target.connection(), message);
        } // else: sent on the next READY (subscriptions) or moot (cancels)
    }

    static void trySend(TwsConnection target, ClientRequest message) {
        try {
            target.send(message);
        } catch (IOException e) {
            target.close(); // the reader reports the disconnect
        }
    }

    /** Settles every request in flight, each by its kind: failed (reads) or outcome unknown (orders). */
    void failPending(String why, Duration retryAfter) {
        requests.failAll(p -> p.spec.kind().outcomeUnknownOnLoss()
                ? new TwsOutcomeUnknownException(p.spec.name(), why)
                : new TwsUnavailableException(why, ConnectionState.DISCONNECTED, retryAfter));
    }

    // ---- for the event sources; call these only inside locked(...)

    /** Runs {@code body} under the lock, then delivers the notifications it queued. */
    void locked(Runnable body) {
        locked(() -> {
            body.run();
            return null;
        });
    }

    <T> T locked(Supplier<T> body) {
        T result;
        synchronized (lock) {
            result = body.get();
        }
        notifier.flush();
        return result;
    }

    SessionStateMachine machine() {
        return machine;
    }

    TwsSession session() {
        return session;
    }

    void session(TwsSession current) {
        session = current;
        if (current == null) {
            connectedSince = null;
        }
    }

    boolean running() {
        return running;
    }

    TwsEndpoint endpoint() {
        return endpoint;
    }

    TwsError lastError() {
        return lastError;
    }

    void lastError(TwsError error) {
        lastError = error;
    }

    void recordError(int code, String message) {
        lastError = new TwsError(code, message, clock.instant());
    }

    Instant stateSince() {
        return stateSince;
    }

    /** Carries out a transition of the current session; one from an old session is ignored. */
    void apply(TwsSession from, Transition t) {
        if (from == session) {
            apply(t);
        }
    }

    /** The one place effects are carried out. */
    void apply(Transition t) {
        if (t.changed()) {
            stateSince = clock.instant();
            notifier.publish(listener -> listener.onStateChange(t.from(), t.to()));
        }
        if (t.has(Effect.SYNCED)) {
            reconnector.synced();
            connectedSince = clock.instant();
            session.cancelSyncDeadline();
        }
        if (t.has(Effect.RESUBSCRIBE) && session != null) {
            session.resubscribeDue(true);
        }
        if (t.has(Effect.ROTATE_CLIENT_ID)) {
            reconnector.rotateClientId();
        }
        if (t.has(Effect.FAIL_PENDING) && running) {
            failPending("TWS disconnected", settings.reconnectInitialDelay());
        }
        if (t.has(Effect.RECONNECT) && running) {
            Reconnector.Scheduled next = reconnector.scheduleNext();
            notifier.publish(listener -> listener.onReconnectScheduled(next.attempt(), next.delay()));
        }
    }
}
