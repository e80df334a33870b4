package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The live subscriptions and the reqId each one currently runs under, each bound in the
 * {@link InboundRouter} under that reqId (so a message reaches its subscription without touching the others).
 * Thread-safe, and it never calls a subscription's own functions while holding its lock: those belong to
 * features with locks of their own, and calling out under a lock is how deadlocks are made. Callers get
 * {@link Run}s and build the messages outside.
 */
final class SubscriptionBook {

    private final IntSupplier reqIds;
    private final InboundRouter router;
    private final Map<String, Run> active = new LinkedHashMap<>();

    SubscriptionBook(IntSupplier reqIds, InboundRouter router) {
        this.reqIds = reqIds;
        this.router = router;
    }

    /** A subscription under one reqId. */
    record Run(TwsSubscription subscription, int reqId, Consumer<ServerMessage> route) {

        Run(TwsSubscription subscription, int reqId) {
            this(subscription, reqId, subscription.onMessage()::accept);
        }

        ClientRequest start() {
            return subscription.start().apply(reqId);
        }

        /** The cancel message, or null where IB has none. */
        ClientRequest cancel() {
            return subscription.cancel() == null ? null : subscription.cancel().apply(reqId);
        }
    }

    /** Adds (or replaces) a subscription under a fresh reqId. */
    synchronized Run add(TwsSubscription subscription) {
        Run run = bind(subscription);
        unbind(active.put(subscription.key(), run));
        return run;
    }

    /** Removes a subscription; null if unknown. */
    synchronized Run remove(String key) {
        Run run = active.remove(key);
        unbind(run);
        return run;
    }

    /** Every subscription, each under a new reqId (after reconnect or 1101). */
    synchronized List<Run> restartAll() {
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<String, Run> entry : active.entrySet()) {
            unbind(entry.getValue());
            Run run = bind(entry.getValue().subscription());
            entry.setValue(run);
            runs.add(run);
        }
        return runs;
    }

    /** Every subscription as it runs now (to cancel them at shutdown; the book keeps them for a restart). */
    synchronized List<Run> all() {
        return List.copyOf(active.values());
    }

    synchronized int size() {
        return active.size();
    }

    private Run bind(TwsSubscription subscription) {
        Run run = new Run(subscription, reqIds.getAsInt());
        router.bindRequest(run.reqId(), run.route());
        return run;
    }

    private void unbind(Run run) {
        if (run != null) {
            router.unbindRequest(run.reqId(), run.route());
        }
    }
}
