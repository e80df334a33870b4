package io.tradergateway.tws;

import io.tradergateway.tws.SessionStateMachine.Effect;
import io.tradergateway.tws.SessionStateMachine.Transition;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect attempts and what ends a session: opens the socket on {@code tws-connector}, starts the session's
 * reader, enforces the sync deadline and reports the close. Between failed attempts it waits a capped
 * exponential backoff with jitter (reset once a session syncs); when TWS refuses the client id (326, or a close
 * before nextValidId) the next attempt uses the next id of the configured rotation. Its bookkeeping is guarded
 * by the {@link SessionKeeper}'s lock.
 */
final class Reconnector {

    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    private final TwsProperties settings;
    private final Clock clock;
    private final Backoff backoff;
    private final SessionKeeper keeper;
    private final SessionInbound inbound;
    private final MessagePacer pacer;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> pending;
    private int failedAttempts;
    private int sessions;
    private Instant nextAttemptAt;
    private int clientId;

    Reconnector(
            TwsProperties settings,
            Clock clock,
            Backoff backoff,
            SessionKeeper keeper,
            SessionInbound inbound,
            MessagePacer pacer) {
        this.settings = settings;
        this.clock = clock;
        this.backoff = backoff;
        this.keeper = keeper;
        this.inbound = inbound;
        this.pacer = pacer;
        this.clientId = settings.clientId();
    }

    /** Runs the first attempt at once on {@code executor}. */
    void start(ScheduledExecutorService executor) {
        this.executor = executor;
        failedAttempts = 0;
        pending = executor.schedule(this::attempt, 0, TimeUnit.MILLISECONDS);
    }

    /** Schedules the next attempt after the backoff; returns the attempt number (from 1) and its delay. */
    Scheduled scheduleNext() {
        Duration delay = backoff.delay(failedAttempts++);
        nextAttemptAt = clock.instant().plus(delay);
        pending = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        log.debug("next TWS connect attempt in {} ms", delay.toMillis());
        return new Scheduled(failedAttempts, delay);
    }

    record Scheduled(int attempt, Duration delay) {}

    /** A session synced: the next loss starts the backoff from the beginning. */
    void synced() {
        failedAttempts = 0;
    }

    void stop() {
        if (pending != null) {
            pending.cancel(false);
        }
        nextAttemptAt = null;
    }

    int clientId() {
        return clientId;
    }

    void rotateClientId() {
        clientId = settings.nextClientId(clientId);
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** Until the next attempt, at least 1 s. */
    Duration retryAfter() {
        if (nextAttemptAt == null) {
            return Duration.ofSeconds(1);
        }
        Duration until = Duration.between(clock.instant(), nextAttemptAt);
        return until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until;
    }

    // ---- one attempt (on the connector thread)

    private void attempt() {
        Object[] started = keeper.locked(() -> {
            if (!keeper.running()) {
                return null;
            }
            nextAttemptAt = null;
            keeper.apply(keeper.machine().connecting());
            return new Object[] {keeper.endpoint(), clientId};
        });
        if (started == null) {
            return;
        }
        TwsEndpoint target = (TwsEndpoint) started[0];
        int id = (int) started[1];
        TwsConnection opened;
        try {
            opened = TwsConnection.open(target, id, settings, pacer);
        } catch (IOException | RuntimeException e) {
            log.info("TWS at {}:{} not reachable: {}", target.host(), target.port(), describe(e));
            keeper.locked(() -> {
                keeper.recordError(
                        502, "could not connect to TWS at " + target.host() + ":" + target.port() + ": " + describe(e));
                keeper.apply(keeper.machine().connectFailed());
            });
            return;
        }
        TwsSession session = keeper.locked(() -> {
            if (!keeper.running()) {
                opened.close();
                return null;
            }
            TwsSession current = new TwsSession(opened, id, ++sessions, clock.instant());
            keeper.session(current);
            keeper.apply(keeper.machine().connected());
            current.syncDeadline(executor.schedule(
                    () -> syncTimedOut(current), settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS));
            return current;
        });
        if (session == null) {
            return;
        }
        log.info(
                "connected to TWS at {}:{} (server version {}), syncing as client id {}",
                target.host(),
                target.port(),
                opened.serverVersion(),
                id);
        opened.startReading(
                "tws-reader-" + session.number(),
                message -> inbound.onMessage(session, message),
                cause -> closed(session, cause));
    }

    private void syncTimedOut(TwsSession timedOut) {
        keeper.locked(() -> {
            if (timedOut == keeper.session() && keeper.machine().state() == ConnectionState.SYNCING) {
                keeper.recordError(
                        0,
                        "TWS did not send nextValidId and managedAccounts within "
                                + settings.handshakeTimeout().toSeconds() + " s");
                timedOut.connection().close(); // the reader reports the close and a reconnect is scheduled
            }
        });
    }

    /** The session's socket closed, for whatever reason (reader thread, exactly once per session). */
    private void closed(TwsSession closed, Exception cause) {
        keeper.locked(() -> {
            if (closed != keeper.session()) {
                return; // an old session, already replaced or shut down
            }
            keeper.session(null);
            boolean syncing = keeper.machine().state() == ConnectionState.SYNCING;
            var last = keeper.lastError();
            boolean refusedId = last != null
                    && last.code() == IbCode.CLIENT_ID_IN_USE
                    && !last.at().isBefore(keeper.stateSince());
            Transition closing = keeper.machine().closed();
            if (closing.has(Effect.ROTATE_CLIENT_ID)) {
                // 326, or TWS closing before nextValidId (its other way of refusing a client id)
                keeper.recordError(
                        refusedId ? IbCode.CLIENT_ID_IN_USE : 504,
                        "TWS closed the connection before it was synced"
                                + (refusedId ? " (client id " + closed.clientId() + " in use)" : "")
                                + "; next attempt uses client id " + settings.nextClientId(clientId));
            } else if (closed.closingBecause() != null) {
                keeper.lastError(closed.closingBecause());
            } else if (!syncing) {
                keeper.recordError(504, "connection to TWS lost: " + describe(cause));
            }
            if (keeper.running() && keeper.lastError() != null) {
                log.warn("{}", keeper.lastError().message());
            }
            keeper.apply(closing);
        });
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unexpected end of connection" : message;
    }
}
