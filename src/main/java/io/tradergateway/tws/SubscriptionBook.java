package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.RequestScoped;
import io.tradergateway.tws.wire.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The live subscriptions and the reqId each one currently runs under. Thread-safe, and it never calls a
 * subscription's own functions while holding its lock: those belong to features with locks of their own, and
 * calling out under a lock is how deadlocks are made. Callers get {@link Run}s and build the messages outside.
 */
final class SubscriptionBook {

    private final IntSupplier reqIds;
    private final Map<String, Run> active = new LinkedHashMap<>();

    SubscriptionBook(IntSupplier reqIds) {
        this.reqIds = reqIds;
    }

    /** A subscription under one reqId. */
    record Run(TwsSubscription subscription, int reqId) {

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
        Run run = new Run(subscription, reqIds.getAsInt());
        active.put(subscription.key(), run);
        return run;
    }

    /** Removes a subscription; null if unknown. */
    synchronized Run remove(String key) {
        return active.remove(key);
    }

    /** Every subscription, each under a new reqId (after reconnect or 1101). */
    synchronized List<Run> restartAll() {
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<String, Run> entry : active.entrySet()) {
            Run run = new Run(entry.getValue().subscription(), reqIds.getAsInt());
            entry.setValue(run);
            runs.add(run);
        }
        return runs;
    }

    /** Every subscription as it runs now (to cancel them at shutdown; the book keeps them for a restart). */
    synchronized List<Run> all() {
        return List.copyOf(active.values());
    }

    /** Delivers a reqId-scoped message to its subscription; false if none runs under that reqId. */
    boolean route(ServerMessage message) {
        if (!(message instanceof RequestScoped scoped) || scoped.reqId() < 0) {
            return false;
        }
        TwsSubscription target = null;
        synchronized (this) {
            for (Run run : active.values()) {
                if (run.reqId() == scoped.reqId()) {
                    target = run.subscription();
                    break;
                }
            }
        }
        if (target == null) {
            return false;
        }
        target.onMessage().accept(message);
        return true;
    }

    synchronized int size() {
        return active.size();
    }
}
