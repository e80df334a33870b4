package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * The lifecycle bean behind {@link TwsClient}: owns the gateway's one connection to TWS, started without
 * blocking start-up. It only wires and delegates: {@link SessionKeeper} holds the state (a pure
 * {@link SessionStateMachine}, one {@link TwsSession} per socket), {@link Reconnector} connects and reconnects,
 * {@link Housekeeping} runs deadlines and the heartbeat, {@link SessionInbound} and the {@link InboundRouter}
 * deliver what arrives, {@link RequestRegistry} and {@link SubscriptionBook} track requests and streams.
 *
 * <p>Threads: {@code tws-connector} connects and runs housekeeping; each socket has one {@code tws-reader-N}.
 * Time comes from the injected clock, and {@link #housekeeping()} can be driven directly by tests.
 */
public class TwsConnectionManager implements TwsClient, SmartLifecycle {

    private final TwsProperties settings;
    private final Supplier<TwsEndpoint> endpoints;
    private final Clock clock;
    private final List<TwsListener> listeners = new CopyOnWriteArrayList<>();
    private final InboundRouter router = new InboundRouter();
    private final RequestRegistry requests;
    private final SubscriptionBook subscriptions;
    private final SessionKeeper keeper;
    private final Housekeeping housekeeping;
    private ScheduledExecutorService connector; // set by start, used by stop (lifecycle calls are serialised)
    private ScheduledFuture<?> housekeepingTask;

    public TwsConnectionManager(TwsProperties settings, Supplier<TwsEndpoint> endpoints, Clock clock, Backoff backoff) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.clock = clock;
        IdRanges.RequestIds requestIds = new IdRanges.RequestIds();
        this.requests = new RequestRegistry(settings.maxPendingRequests(), requestIds::next, router);
        this.subscriptions = new SubscriptionBook(requestIds::next, router);
        SessionInbound inbound = new SessionInbound(clock, router, subscriptions);
        this.keeper = new SessionKeeper(
                settings,
                endpoints,
                clock,
                backoff,
                new Notifier(listeners),
                requests,
                inbound,
                MessagePacer.realTime(settings.maxMessagesPerSecond()));
        inbound.keeper(keeper);
        this.housekeeping = new Housekeeping(settings, clock, requests, keeper, this);
    }

    @Override
    public void addListener(TwsListener listener) {
        listeners.add(listener);
        router.addTap(listener);
    }

    @Override
    public <M extends ServerMessage> void share(Class<M> type, Consumer<? super M> consumer) {
        router.share(type, consumer);
    }

    @Override
    public BrokerMode mode() {
        return endpoints.get().mode();
    }

    @Override
    public ConnectionState state() {
        return keeper.state();
    }

    @Override
    public TwsStatus status() {
        return keeper.status(requests.size(), subscriptions.size());
    }

    @Override
    public List<String> managedAccounts() {
        return keeper.usable().accounts();
    }

    /** Requests in flight (for metrics and tests). */
    public int pendingRequests() {
        return requests.size();
    }

    /** Sessions established after the first one. */
    public long reconnectCount() {
        return keeper.reconnects();
    }

    @Override
    public Duration retryAfter() {
        return keeper.retryAfter();
    }

    @Override
    public <T> CompletableFuture<T> request(TwsRequest<T> spec) {
        TwsConnection target = keeper.usable().connection();
        RequestRegistry.Pending<T> pending = requests.register(spec, clock.instant());
        try {
            target.send(spec.request().apply(pending.reqId));
        } catch (IOException | RuntimeException e) {
            if (requests.remove(pending)) {
                pending.fail(
                        spec.kind().outcomeUnknownOnLoss()
                                ? new TwsOutcomeUnknownException(spec.name(), "connection lost while sending")
                                : unavailable());
            }
            target.close(); // the reader notices and reports the disconnect
        }
        return pending.future;
    }

    @Override
    public void send(ClientRequest message) {
        TwsConnection target = keeper.usable().connection();
        try {
            target.send(message);
        } catch (IOException e) {
            target.close();
            throw unavailable();
        }
    }

    @Override
    public void subscribe(TwsSubscription subscription) {
        keeper.sendIfUsable(subscriptions.add(subscription).start());
    }

    @Override
    public void unsubscribe(String key) {
        SubscriptionBook.Run run = subscriptions.remove(key);
        ClientRequest cancel = run == null ? null : run.cancel();
        if (cancel != null) {
            keeper.sendIfUsable(cancel);
        }
    }

    @Override
    public int allocateOrderId(Consumer<ServerMessage> owner) {
        int orderId = keeper.usable().orderIds().allocate();
        router.bindOrder(orderId, owner);
        return orderId;
    }

    @Override
    public void releaseOrderId(int orderId) {
        router.unbindOrder(orderId);
    }

    /** Expires deadlines and checks the heartbeat now (normally every {@code housekeepingInterval}). */
    public void housekeeping() {
        housekeeping.run();
    }

    // ---- lifecycle

    @Override
    public void start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tws-connector");
            t.setDaemon(true);
            return t;
        });
        if (!keeper.start(thread)) {
            thread.shutdown();
            return;
        }
        connector = thread;
        long every = Math.max(10, settings.housekeepingInterval().toMillis());
        housekeepingTask = thread.scheduleWithFixedDelay(housekeeping::runSafely, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Graceful shutdown: subscriptions are cancelled at TWS, pending requests fail at once, the socket closes
     * and both gateway threads end before this returns.
     */
    @Override
    public void stop() {
        SessionKeeper.Stopped stopped = keeper.stop();
        if (stopped == null) {
            return;
        }
        housekeepingTask.cancel(false);
        TwsSession last = stopped.last();
        if (last != null && stopped.wasUsable()) {
            for (SubscriptionBook.Run run : subscriptions.all()) {
                ClientRequest cancel = run.cancel();
                if (cancel != null) {
                    SessionKeeper.trySend(last.connection(), cancel);
                }
            }
        }
        keeper.failPending("the gateway is shutting down", Duration.ofSeconds(5));
        connector.shutdownNow();
        try {
            if (last != null) {
                last.connection().closeAndJoin(Duration.ofSeconds(5));
            }
            connector.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return keeper.isRunning();
    }

    private TwsUnavailableException unavailable() {
        return new TwsUnavailableException(
                "lost the connection to TWS while sending", ConnectionState.DISCONNECTED, retryAfter());
    }
}
