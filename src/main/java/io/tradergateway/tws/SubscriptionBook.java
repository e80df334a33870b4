package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.RequestScoped;
import io.tradergateway.tws.wire.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The live subscriptions and the reqId each one currently runs under. Thread-safe. */
final class SubscriptionBook {

    private final IntSupplier reqIds;
    private final Map<String, Active> active = new LinkedHashMap<>();

    SubscriptionBook(IntSupplier reqIds) {
        this.reqIds = reqIds;
    }

    private static final class Active {
        final TwsSubscription subscription;
        int reqId;

        Active(TwsSubscription subscription) {
            this.subscription = subscription;
        }
    }

    /** Adds (or replaces) a subscription; returns its start message for a fresh reqId. */
    synchronized ClientRequest add(TwsSubscription subscription) {
        Active entry = new Active(subscription);
        entry.reqId = reqIds.getAsInt();
        active.put(subscription.key(), entry);
        return subscription.start().apply(entry.reqId);
    }

    /** Removes a subscription; returns its cancel message, or null if unknown or it has none. */
    synchronized ClientRequest remove(String key) {
        Active entry = active.remove(key);
        if (entry == null || entry.subscription.cancel() == null) {
            return null;
        }
        return entry.subscription.cancel().apply(entry.reqId);
    }

    /** Start messages for every subscription, each under a new reqId (after reconnect or 1101). */
    synchronized List<ClientRequest> restartAll() {
        List<ClientRequest> starts = new ArrayList<>();
        for (Active entry : active.values()) {
            entry.reqId = reqIds.getAsInt();
            starts.add(entry.subscription.start().apply(entry.reqId));
        }
        return starts;
    }

    /** Cancel messages for every subscription (shutdown); the book keeps them for a later restart. */
    synchronized List<ClientRequest> cancelAll() {
        List<ClientRequest> cancels = new ArrayList<>();
        for (Active entry : active.values()) {
            if (entry.subscription.cancel() != null) {
                cancels.add(entry.subscription.cancel().apply(entry.reqId));
            }
        }
        return cancels;
    }

    /** Delivers a reqId-scoped message to its subscription; false if none runs under that reqId. */
    boolean route(ServerMessage message) {
        if (!(message instanceof RequestScoped scoped) || scoped.reqId() < 0) {
            return false;
        }
        TwsSubscription target = null;
        synchronized (this) {
            for (Active entry : active.values()) {
                if (entry.reqId == scoped.reqId()) {
                    target = entry.subscription;
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

    synchronized List<String> keys() {
        return List.copyOf(active.keySet());
    }
}
