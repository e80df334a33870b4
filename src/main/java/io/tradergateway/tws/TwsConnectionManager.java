package io.tradergateway.tws;

import io.tradergateway.tws.IbCode.Category;
import io.tradergateway.tws.TwsStatus.TwsError;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ManagedAccounts;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns the gateway's one connection to TWS: connects at start-up without blocking it, tracks the state
 * machine (DISCONNECTED -> CONNECTING -> SYNCING -> READY, DEGRADED on 1100), reconnects with capped
 * exponential backoff, and hands incoming messages to {@link TwsListener}s.
 *
 * <p>Connecting happens on one scheduler thread ({@code tws-connector}), reading on the connection's own
 * thread ({@code tws-reader-N}). State changes are made under one lock; {@link #status()} is a snapshot.
 */
public class TwsConnectionManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TwsConnectionManager.class);

    private final TwsProperties settings;
    private final Supplier<TwsEndpoint> endpoints;
    private final Clock clock;
    private final Backoff backoff;
    private final List<TwsListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService connector;
    private final Object lock = new Object();

    // all guarded by lock
    private boolean running;
    private TwsEndpoint endpoint;
    private TwsConnection connection;
    private int generation;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private Instant stateSince;
    private Instant connectedSince;
    private boolean gotNextValidId;
    private List<String> managedAccounts = List.of();
    private TwsError lastError;
    private int failedAttempts;
    private Instant nextReconnectAt;
    private ScheduledFuture<?> pending;

    public TwsConnectionManager(TwsProperties settings, Supplier<TwsEndpoint> endpoints, Clock clock, Backoff backoff) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.clock = clock;
        this.backoff = backoff;
        this.stateSince = clock.instant();
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tws-connector");
            t.setDaemon(true);
            return t;
        });
    }

    public void addListener(TwsListener listener) {
        listeners.add(listener);
    }

    /** Whether the peer is a real TWS or the simulator (fixed for the life of the bean). */
    public BrokerMode mode() {
        return endpoints.get().mode();
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    public TwsStatus status() {
        synchronized (lock) {
            TwsEndpoint target = endpoint != null ? endpoint : endpoints.get();
            boolean connected = connection != null;
            return new TwsStatus(
                    target.mode(),
                    state,
                    target.host(),
                    target.port(),
                    settings.clientId(),
                    connected ? connection.serverVersion() : null,
                    connected ? connection.connectionTime() : null,
                    connectedSince,
                    stateSince,
                    state.isUsable() ? managedAccounts : List.of(),
                    lastError,
                    nextReconnectAt);
        }
    }

    /** Accounts of the synced session; {@link TwsUnavailableException} when not synced. */
    public List<String> managedAccounts() {
        synchronized (lock) {
            requireUsable();
            return managedAccounts;
        }
    }

    /** Sends a request on the live connection, or fails with {@link TwsUnavailableException}. */
    public void send(ClientRequest request) {
        TwsConnection target;
        synchronized (lock) {
            requireUsable();
            target = connection;
        }
        try {
            target.send(request);
        } catch (IOException e) {
            target.close(); // the reader notices and reports the disconnect
            throw new TwsUnavailableException(
                    "lost the connection to TWS while sending", ConnectionState.DISCONNECTED, retryAfter());
        }
    }

    /** How long a client should wait before trying again: until the next reconnect attempt, at least 1 s. */
    public Duration retryAfter() {
        synchronized (lock) {
            if (nextReconnectAt == null) {
                return Duration.ofSeconds(1);
            }
            Duration until = Duration.between(clock.instant(), nextReconnectAt);
            return until.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : until;
        }
    }

    // ---- lifecycle

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            endpoint = endpoints.get();
            pending = connector.schedule(this::connect, 0, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        TwsConnection toClose;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            if (pending != null) {
                pending.cancel(false);
            }
            toClose = connection;
            connection = null;
            generation++;
            nextReconnectAt = null;
            changeState(ConnectionState.DISCONNECTED);
        }
        connector.shutdownNow();
        try {
            if (toClose != null) {
                toClose.closeAndJoin(Duration.ofSeconds(5));
            }
            connector.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return running;
        }
    }

    // ---- connecting

    private void connect() {
        TwsEndpoint target;
        synchronized (lock) {
            if (!running) {
                return;
            }
            target = endpoint;
            nextReconnectAt = null;
            changeState(ConnectionState.CONNECTING);
        }
        TwsConnection opened;
        try {
            opened = TwsConnection.open(target, settings.clientId(), settings);
        } catch (IOException | RuntimeException e) {
            log.info("TWS at {}:{} not reachable: {}", target.host(), target.port(), describe(e));
            synchronized (lock) {
                recordError(
                        502, "could not connect to TWS at " + target.host() + ":" + target.port() + ": " + describe(e));
                changeState(ConnectionState.DISCONNECTED);
                scheduleReconnect();
            }
            return;
        }
        int gen;
        synchronized (lock) {
            if (!running) {
                opened.close();
                return;
            }
            connection = opened;
            gen = ++generation;
            gotNextValidId = false;
            managedAccounts = List.of();
            changeState(ConnectionState.SYNCING);
            pending = connector.schedule(
                    () -> syncTimedOut(gen), settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info(
                "connected to TWS at {}:{} (server version {}), syncing as client id {}",
                target.host(),
                target.port(),
                opened.serverVersion(),
                settings.clientId());
        opened.startReading("tws-reader-" + gen, message -> onMessage(gen, message), cause -> onClosed(gen, cause));
    }

    private void syncTimedOut(int gen) {
        TwsConnection stale;
        synchronized (lock) {
            if (gen != generation || state != ConnectionState.SYNCING) {
                return;
            }
            recordError(
                    0,
                    "TWS did not send nextValidId and managedAccounts within "
                            + settings.handshakeTimeout().toSeconds() + " s");
            stale = connection;
        }
        stale.close(); // the reader reports the close and a reconnect is scheduled
    }

    private void onClosed(int gen, Exception cause) {
        synchronized (lock) {
            if (gen != generation) {
                return; // an old connection, already replaced or shut down
            }
            connection = null;
            connectedSince = null;
            managedAccounts = List.of();
            if (running) {
                recordError(lastErrorCodeOr(504), "connection to TWS lost: " + describe(cause));
                log.warn("connection to TWS lost: {}", describe(cause));
            }
            changeState(ConnectionState.DISCONNECTED);
            scheduleReconnect();
        }
    }

    /** Keeps a 326 (client id in use) as the reason rather than the EOF that follows it. */
    private int lastErrorCodeOr(int fallback) {
        return lastError != null
                        && lastError.code() == IbCode.CLIENT_ID_IN_USE
                        && Duration.between(lastError.at(), clock.instant()).toSeconds() < 5
                ? IbCode.CLIENT_ID_IN_USE
                : fallback;
    }

    private void scheduleReconnect() {
        if (!running) {
            return;
        }
        Duration delay = backoff.delay(failedAttempts++);
        nextReconnectAt = clock.instant().plus(delay);
        pending = connector.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        log.debug("next TWS connect attempt in {} ms", delay.toMillis());
    }

    // ---- incoming

    private void onMessage(int gen, ServerMessage message) {
        if (message instanceof ErrorMessage error) {
            onError(gen, error);
        } else if (message instanceof NextValidId) {
            synchronized (lock) {
                if (gen == generation) {
                    gotNextValidId = true;
                    maybeReady();
                }
            }
        } else if (message instanceof ManagedAccounts accounts) {
            synchronized (lock) {
                if (gen == generation) {
                    managedAccounts = accounts.accounts();
                    maybeReady();
                }
            }
        }
        for (TwsListener listener : listeners) {
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                log.error(
                        "TWS listener {} failed on {}",
                        listener.getClass().getSimpleName(),
                        message.getClass().getSimpleName(),
                        e);
            }
        }
    }

    private void maybeReady() {
        if (state == ConnectionState.SYNCING && gotNextValidId && !managedAccounts.isEmpty()) {
            failedAttempts = 0;
            connectedSince = clock.instant();
            changeState(ConnectionState.READY);
            log.info("TWS session ready: accounts {}", managedAccounts);
        }
    }

    private void onError(int gen, ErrorMessage error) {
        IbCode code = IbCode.lookup(error.code());
        if (code.category() == Category.WARNING) {
            log.debug("TWS notice {}: {}", error.code(), error.message());
            return;
        }
        if (!error.isConnectionNotice() && code.category() == Category.REQUEST_FAILURE) {
            log.debug("TWS error {} for request {}: {}", error.code(), error.reqId(), error.message());
            return; // request registry (connection-resilience issue) routes these
        }
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            recordError(error.code(), error.message());
            switch (error.code()) {
                case IbCode.CONNECTIVITY_LOST -> {
                    if (state == ConnectionState.READY) {
                        changeState(ConnectionState.DEGRADED);
                    }
                }
                case IbCode.RESTORED_DATA_LOST, IbCode.RESTORED_DATA_MAINTAINED -> {
                    if (state == ConnectionState.DEGRADED) {
                        changeState(ConnectionState.READY);
                    }
                }
                default -> log.warn("TWS error {}: {}", error.code(), error.message());
            }
        }
    }

    // ---- helpers (call with lock held)

    private void requireUsable() {
        if (!state.isUsable()) {
            throw new TwsUnavailableException("not connected to TWS (state " + state + ")", state, retryAfter());
        }
    }

    private void changeState(ConnectionState next) {
        ConnectionState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        stateSince = clock.instant();
        for (TwsListener listener : listeners) {
            try {
                listener.onStateChange(previous, next);
            } catch (RuntimeException e) {
                log.error(
                        "TWS listener {} failed on state change",
                        listener.getClass().getSimpleName(),
                        e);
            }
        }
    }

    private void recordError(int code, String message) {
        lastError = new TwsError(code, message, clock.instant());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unexpected end of connection" : message;
    }
}
