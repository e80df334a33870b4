package io.tradergateway.tws;

import io.tradergateway.tws.IbCode.Category;
import io.tradergateway.tws.TwsStatus.TwsError;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ManagedAccounts;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.ReqCurrentTime;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Owns the gateway's one connection to TWS: connects at start-up without blocking it, runs the state machine
 * (DISCONNECTED -> CONNECTING -> SYNCING -> READY, DEGRADED on 1100), reconnects with capped exponential
 * backoff and jitter, rotates the client id on 326, detects a silent connection with a heartbeat, tracks
 * every request in flight ({@link RequestRegistry}) and re-sends subscriptions after a reconnect or 1101.
 *
 * <p>Threads: {@code tws-connector} connects and runs housekeeping (deadlines, heartbeat); each socket has one
 * {@code tws-reader-N}. State is changed under one lock; {@link #status()} is a snapshot. Time comes from the
 * injected clock, and {@link #housekeeping()} can be driven directly by tests.
 */
public class TwsConnectionManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TwsConnectionManager.class);

    private final TwsProperties settings;
    private final Supplier<TwsEndpoint> endpoints;
    private final Clock clock;
    private final Backoff backoff;
    private final List<TwsListener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService connector;
    // Listener notifications (state changes, scheduled reconnects) queue here under the lock and are delivered
    // after it is released, by one thread at a time (dispatchLock), in order, on the thread that caused them:
    // so a state change is seen before the messages that follow it, and never from under the lock.
    private final List<java.util.function.Consumer<TwsListener>> pendingEvents = new java.util.ArrayList<>();
    private final Object dispatchLock = new Object();
    private final AtomicInteger nextReqId = new AtomicInteger(1);
    private final RequestRegistry requests;
    private final SubscriptionBook subscriptions;
    private final MessagePacer pacer;
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
    private boolean everReady;
    private long reconnects;
    private int clientId;
    private List<String> managedAccounts = List.of();
    private final Map<String, String> farms = new LinkedHashMap<>();
    private TwsError lastError;
    private int failedAttempts;
    private Instant nextReconnectAt;
    private ScheduledFuture<?> pendingConnect;
    private ScheduledFuture<?> housekeepingTask;
    private Instant lastInbound;
    private boolean heartbeatInFlight;
    private boolean resubscribeDue;
    private TwsError closingBecause; // set when the gateway itself drops the socket, so the reason survives

    public TwsConnectionManager(TwsProperties settings, Supplier<TwsEndpoint> endpoints, Clock clock, Backoff backoff) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.clock = clock;
        this.backoff = backoff;
        this.clientId = settings.clientId();
        this.stateSince = clock.instant();
        this.requests = new RequestRegistry(settings.maxPendingRequests(), nextReqId::getAndIncrement);
        this.subscriptions = new SubscriptionBook(nextReqId::getAndIncrement);
        this.pacer = MessagePacer.realTime(settings.maxMessagesPerSecond());
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
                    clientId,
                    settings.clientId(),
                    connected ? connection.serverVersion() : null,
                    connected ? connection.connectionTime() : null,
                    connectedSince,
                    stateSince,
                    state.isUsable() ? managedAccounts : List.of(),
                    farms,
                    lastError,
                    nextReconnectAt,
                    requests.size(),
                    subscriptions.size(),
                    reconnects);
        }
    }

    /** Accounts of the synced session; {@link TwsUnavailableException} when not synced. */
    public List<String> managedAccounts() {
        synchronized (lock) {
            requireUsable();
            return managedAccounts;
        }
    }

    /** Requests in flight (for metrics and tests). */
    public int pendingRequests() {
        return requests.size();
    }

    /** Sessions established after the first one. */
    public long reconnectCount() {
        synchronized (lock) {
            return reconnects;
        }
    }

    /**
     * Sends a request and returns its answer. Fails fast with {@link TwsUnavailableException} when not synced
     * and {@link TwsBusyException} when too many requests wait; later with {@link TwsRequestException} (TWS
     * said no), {@link TwsTimeoutException} (cancelled at TWS after the deadline) or
     * {@link TwsUnavailableException} (connection lost meanwhile).
     */
    public <T> CompletableFuture<T> request(TwsRequest<T> spec) {
        TwsConnection target;
        synchronized (lock) {
            requireUsable();
            target = connection;
        }
        RequestRegistry.Pending<T> pending = requests.register(spec, clock.instant());
        try {
            target.send(spec.request().apply(pending.reqId));
        } catch (IOException | RuntimeException e) {
            if (requests.remove(pending)) {
                pending.fail(unavailable("lost the connection to TWS while sending"));
            }
            target.close(); // the reader notices and reports the disconnect
        }
        return pending.future;
    }

    /** Sends a fire-and-forget message (no answer expected), or fails with {@link TwsUnavailableException}. */
    public void send(ClientRequest message) {
        TwsConnection target;
        synchronized (lock) {
            requireUsable();
            target = connection;
        }
        try {
            target.send(message);
        } catch (IOException e) {
            target.close();
            throw unavailable("lost the connection to TWS while sending");
        }
    }

    /** Keeps a stream open at TWS across reconnects; starts it now if the session is synced. */
    public void subscribe(TwsSubscription subscription) {
        sendIfUsable(subscriptions.add(subscription).start());
    }

    /** Stops a stream and cancels it at TWS. */
    public void unsubscribe(String key) {
        SubscriptionBook.Run run = subscriptions.remove(key);
        ClientRequest cancel = run == null ? null : run.cancel();
        if (cancel != null) {
            sendIfUsable(cancel);
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
            connector = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tws-connector");
                t.setDaemon(true);
                return t;
            });
            failedAttempts = 0;
            pendingConnect = connector.schedule(this::connect, 0, TimeUnit.MILLISECONDS);
            long every = Math.max(10, settings.housekeepingInterval().toMillis());
            housekeepingTask =
                    connector.scheduleWithFixedDelay(this::housekeepingSafely, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Graceful shutdown: subscriptions are cancelled at TWS, pending requests fail at once, the socket closes
     * and both gateway threads end before this returns.
     */
    @Override
    public void stop() {
        TwsConnection toClose;
        boolean wasUsable;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            cancel(pendingConnect);
            cancel(housekeepingTask);
            toClose = connection;
            wasUsable = state.isUsable();
            connection = null;
            generation++;
            nextReconnectAt = null;
            changeState(ConnectionState.DISCONNECTED);
        }
        if (toClose != null && wasUsable) {
            for (SubscriptionBook.Run run : subscriptions.all()) {
                ClientRequest cancel = run.cancel();
                if (cancel != null) {
                    trySend(toClose, cancel);
                }
            }
        }
        requests.failAll(new TwsUnavailableException(
                "the gateway is shutting down", ConnectionState.DISCONNECTED, Duration.ofSeconds(5)));
        flushEvents();
        ScheduledExecutorService stopping = connector;
        stopping.shutdownNow();
        try {
            if (toClose != null) {
                toClose.closeAndJoin(Duration.ofSeconds(5));
            }
            stopping.awaitTermination(5, TimeUnit.SECONDS);
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
        int id;
        synchronized (lock) {
            if (!running) {
                return;
            }
            target = endpoint;
            id = clientId;
            nextReconnectAt = null;
            changeState(ConnectionState.CONNECTING);
        }
        flushEvents();
        TwsConnection opened;
        try {
            opened = TwsConnection.open(target, id, settings, pacer);
        } catch (IOException | RuntimeException e) {
            log.info("TWS at {}:{} not reachable: {}", target.host(), target.port(), describe(e));
            synchronized (lock) {
                recordError(
                        502, "could not connect to TWS at " + target.host() + ":" + target.port() + ": " + describe(e));
                changeState(ConnectionState.DISCONNECTED);
                scheduleReconnect();
            }
            flushEvents();
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
            heartbeatInFlight = false;
            closingBecause = null;
            lastInbound = clock.instant();
            managedAccounts = List.of();
            farms.clear();
            changeState(ConnectionState.SYNCING);
            pendingConnect = connector.schedule(
                    () -> syncTimedOut(gen), settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info(
                "connected to TWS at {}:{} (server version {}), syncing as client id {}",
                target.host(),
                target.port(),
                opened.serverVersion(),
                id);
        flushEvents();
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
            // first of all: nobody waits for a timeout on a socket that is gone
            requests.failAll(new TwsUnavailableException(
                    "TWS disconnected", ConnectionState.DISCONNECTED, settings.reconnectInitialDelay()));
            boolean neverSynced = state == ConnectionState.SYNCING;
            connection = null;
            connectedSince = null;
            managedAccounts = List.of();
            farms.clear();
            if (running) {
                boolean refusedId = lastError != null
                        && lastError.code() == IbCode.CLIENT_ID_IN_USE
                        && !lastError.at().isBefore(stateSince);
                if (neverSynced) {
                    // 326, or TWS closing before nextValidId (its other way of refusing a client id)
                    int next = settings.nextClientId(clientId);
                    recordError(
                            refusedId ? IbCode.CLIENT_ID_IN_USE : 504,
                            "TWS closed the connection before it was"
                                    + " synced" + (refusedId ? " (client id " + clientId + " in use)" : "")
                                    + "; next attempt uses client id " + next);
                    clientId = next;
                } else if (closingBecause != null) {
                    lastError = closingBecause;
                } else {
                    recordError(504, "connection to TWS lost: " + describe(cause));
                }
                log.warn("{}", lastError.message());
            }
            changeState(ConnectionState.DISCONNECTED);
            scheduleReconnect();
        }
        flushEvents();
    }

    private void scheduleReconnect() {
        if (!running) {
            return;
        }
        Duration delay = backoff.delay(failedAttempts++);
        nextReconnectAt = clock.instant().plus(delay);
        pendingConnect = connector.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        log.debug("next TWS connect attempt in {} ms", delay.toMillis());
        int attempt = failedAttempts;
        publish(listener -> listener.onReconnectScheduled(attempt, delay));
    }

    // ---- housekeeping: deadlines and heartbeat

    private void housekeepingSafely() {
        try {
            housekeeping();
        } catch (RuntimeException e) {
            log.error("TWS housekeeping failed", e);
        }
    }

    /**
     * Expires requests past their deadline (cancelling them at TWS) and checks that TWS still talks: after
     * {@code idleTimeout} of silence a reqCurrentTime goes out; if it is not answered within
     * {@code heartbeatTimeout} the connection is dropped and rebuilt. Runs every {@code housekeepingInterval}.
     */
    public void housekeeping() {
        Instant now = clock.instant();
        for (RequestRegistry.Pending<?> expired : requests.expire(now)) {
            if (expired.spec.cancel() != null) {
                sendIfUsable(expired.spec.cancel().apply(expired.reqId));
            }
            expired.fail(new TwsTimeoutException(expired.spec.name(), expired.spec.timeout()));
        }
        int gen;
        synchronized (lock) {
            if (connection == null
                    || heartbeatInFlight
                    || state == ConnectionState.CONNECTING
                    || Duration.between(lastInbound, now).compareTo(settings.idleTimeout()) < 0) {
                return;
            }
            if (!state.isUsable()) {
                return; // SYNCING has its own deadline
            }
            heartbeatInFlight = true;
            gen = generation;
        }
        try {
            request(TwsRequest.answeredBy(
                            "heartbeat", new ReqCurrentTime(), CurrentTime.class, settings.heartbeatTimeout()))
                    .whenComplete((answer, failure) -> heartbeatDone(gen, failure));
        } catch (RuntimeException e) {
            synchronized (lock) {
                heartbeatInFlight = false; // not sent (busy or just disconnected): try again next round
            }
        }
    }

    private void heartbeatDone(int gen, Throwable failure) {
        TwsConnection silent = null;
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            heartbeatInFlight = false;
            if (failure instanceof TwsTimeoutException) {
                recordError(
                        0,
                        "TWS stopped answering (no reply to a heartbeat within "
                                + settings.heartbeatTimeout().toMillis() + " ms); reconnecting");
                closingBecause = lastError;
                log.warn("{}", lastError.message());
                silent = connection;
            }
        }
        if (silent != null) {
            silent.close();
        }
    }

    // ---- incoming

    private void onMessage(int gen, ServerMessage message) {
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            lastInbound = clock.instant();
        }
        if (message instanceof ErrorMessage error) {
            onError(gen, error);
        } else if (message instanceof NextValidId) {
            synchronized (lock) {
                if (gen == generation) {
                    gotNextValidId = true;
                    maybeReady(gen);
                }
            }
        } else if (message instanceof ManagedAccounts accounts) {
            synchronized (lock) {
                if (gen == generation) {
                    managedAccounts = accounts.accounts();
                    maybeReady(gen);
                }
            }
        }
        flushEvents();
        resubscribeIfDue(gen);
        if (!requests.route(message)) {
            subscriptions.route(message);
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

    private void maybeReady(int gen) {
        if (state == ConnectionState.SYNCING && gotNextValidId && !managedAccounts.isEmpty()) {
            failedAttempts = 0;
            connectedSince = clock.instant();
            if (everReady) {
                reconnects++;
            }
            everReady = true;
            cancel(pendingConnect);
            changeState(ConnectionState.READY);
            log.info("TWS session ready as client id {}: accounts {}", clientId, managedAccounts);
            resubscribeDue = true;
        }
    }

    private void onError(int gen, ErrorMessage error) {
        IbCode code = IbCode.lookup(error.code());
        String farm = IbCode.farmState(error.code());
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            if (farm != null) {
                int colon = error.message().lastIndexOf(':');
                farms.put(colon >= 0 ? error.message().substring(colon + 1).trim() : "farm", farm);
            }
            if (code.category() == Category.WARNING) {
                log.debug("TWS notice {}: {}", error.code(), error.message());
                return;
            }
            if (!error.isConnectionNotice() && code.category() == Category.REQUEST_FAILURE) {
                return; // the registry routes it to its request
            }
            recordError(error.code(), error.message());
            switch (error.code()) {
                case IbCode.CONNECTIVITY_LOST -> {
                    if (state == ConnectionState.READY) {
                        changeState(ConnectionState.DEGRADED);
                    }
                }
                case IbCode.RESTORED_DATA_MAINTAINED -> {
                    if (state == ConnectionState.DEGRADED) {
                        changeState(ConnectionState.READY);
                    }
                }
                case IbCode.RESTORED_DATA_LOST -> {
                    if (state.isUsable()) {
                        changeState(ConnectionState.READY);
                        resubscribeDue = true;
                    }
                }
                default -> log.warn("TWS error {}: {}", error.code(), error.message());
            }
        }
    }

    /** Re-sends every subscription when READY was (re)reached or TWS lost the data (1101); outside the lock. */
    private void resubscribeIfDue(int gen) {
        TwsConnection target;
        synchronized (lock) {
            if (!resubscribeDue || gen != generation || connection == null) {
                return;
            }
            resubscribeDue = false;
            target = connection;
        }
        List<SubscriptionBook.Run> runs = subscriptions.restartAll();
        if (!runs.isEmpty()) {
            log.info("re-sending {} subscriptions to TWS", runs.size());
        }
        for (SubscriptionBook.Run run : runs) {
            trySend(target, run.start());
        }
    }

    // ---- helpers

    private void sendIfUsable(ClientRequest message) {
        TwsConnection target;
        synchronized (lock) {
            if (!state.isUsable() || connection == null) {
                return; // sent on the next READY (subscriptions) or moot (cancels)
            }
            target = connection;
        }
        trySend(target, message);
    }

    private static void trySend(TwsConnection target, ClientRequest message) {
        try {
            target.send(message);
        } catch (IOException e) {
            target.close(); // the reader reports the disconnect
        }
    }

    private void requireUsable() {
        synchronized (lock) {
            if (!state.isUsable()) {
                throw new TwsUnavailableException("not connected to TWS (state " + state + ")", state, retryAfter());
            }
        }
    }

    private TwsUnavailableException unavailable(String message) {
        return new TwsUnavailableException(message, ConnectionState.DISCONNECTED, retryAfter());
    }

    private void changeState(ConnectionState next) {
        ConnectionState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        stateSince = clock.instant();
        publish(listener -> listener.onStateChange(previous, next));
    }

    /** Queues a listener notification (call with the lock held); {@link #flushEvents()} delivers it. */
    private void publish(java.util.function.Consumer<TwsListener> event) {
        pendingEvents.add(event);
    }

    /** Delivers queued notifications in order. Never call with the lock held. */
    private void flushEvents() {
        synchronized (dispatchLock) {
            List<java.util.function.Consumer<TwsListener>> batch;
            synchronized (lock) {
                if (pendingEvents.isEmpty()) {
                    return;
                }
                batch = List.copyOf(pendingEvents);
                pendingEvents.clear();
            }
            for (java.util.function.Consumer<TwsListener> event : batch) {
                for (TwsListener listener : listeners) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        log.error("TWS listener {} failed", listener.getClass().getSimpleName(), e);
                    }
                }
            }
        }
    }

    private void recordError(int code, String message) {
        lastError = new TwsError(code, message, clock.instant());
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unexpected end of connection" : message;
    }
}
