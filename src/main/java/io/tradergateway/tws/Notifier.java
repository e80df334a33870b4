package io.tradergateway.tws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listener notifications (state changes, scheduled reconnects). They are queued while the manager holds its
 * lock and delivered after it is released, by one thread at a time, in order, on the thread that caused them:
 * so a state change is seen before the messages that follow it, and never from under the lock. The manager
 * flushes at the end of every locked section ({@code SessionKeeper.locked}), so no state change can
 * forget to.
 */
final class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final List<TwsListener> listeners;
    private final List<Consumer<TwsListener>> queued = new ArrayList<>(); // guarded by itself
    private final Object dispatchLock = new Object();

    Notifier(List<TwsListener> listeners) {
        this.listeners = listeners;
    }

    void publish(Consumer<TwsListener> event) {
        synchronized (queued) {
            queued.add(event);
        }
    }

    /** Delivers queued notifications in order. Never call with the manager's lock held. */
    void flush() {
        synchronized (dispatchLock) {
            List<Consumer<TwsListener>> batch;
            synchronized (queued) {
                if (queued.isEmpty()) {
                    return;
                }
                batch = List.copyOf(queued);
                queued.clear();
            }
            for (Consumer<TwsListener> event : batch) {
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
}
