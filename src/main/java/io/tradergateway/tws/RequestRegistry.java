package io.tradergateway.tws;

import io.tradergateway.tws.IbCode.Category;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.RequestScoped;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request that expects an answer: reqId -> pending entry -> future. Bounded (a full registry refuses
 * at once instead of queueing), deadline-driven (expired entries are handed back for cancellation), and
 * emptied at once when the connection dies. Answers that find no entry (late, or for a cancelled request)
 * are dropped: the entry is gone, so nothing leaks.
 *
 * <p>Futures are completed outside the lock, on the calling thread (usually the reader): dependents must
 * not block.
 */
final class RequestRegistry {

    private static final Logger log = LoggerFactory.getLogger(RequestRegistry.class);

    private final int maxPending;
    private final IntSupplier reqIds;
    private final Map<Integer, Pending<?>> byReqId = new HashMap<>();
    private final Map<Class<?>, Deque<Pending<?>>> byAnswerType = new HashMap<>();
    private int size;

    RequestRegistry(int maxPending, IntSupplier reqIds) {
        this.maxPending = maxPending;
        this.reqIds = reqIds;
    }

    /** One request in flight. */
    static final class Pending<T> {
        final int reqId;
        final TwsRequest<T> spec;
        final ResponseHandler<T> handler;
        final Instant deadline;
        final CompletableFuture<T> future = new CompletableFuture<>();

        Pending(int reqId, TwsRequest<T> spec, Instant deadline) {
            this.reqId = reqId;
            this.spec = spec;
            this.handler = spec.handler().get();
            this.deadline = deadline;
        }

        void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }
    }

    synchronized <T> Pending<T> register(TwsRequest<T> spec, Instant now) {
        if (size >= maxPending) {
            throw new TwsBusyException(maxPending);
        }
        Pending<T> pending = new Pending<>(reqIds.getAsInt(), spec, now.plus(spec.timeout()));
        if (spec.answeredBy() != null) {
            byAnswerType
                    .computeIfAbsent(spec.answeredBy(), k -> new ArrayDeque<>())
                    .addLast(pending);
        } else {
            byReqId.put(pending.reqId, pending);
        }
        size++;
        return pending;
    }

    /** Removes an entry whose request could not be sent. */
    synchronized boolean remove(Pending<?> pending) {
        boolean removed =
                pending.spec.answeredBy() != null ? removeFromQueue(pending) : byReqId.remove(pending.reqId, pending);
        if (removed) {
            size--;
        }
        return removed;
    }

    /**
     * Offers a message to the request it answers. Returns false when no pending request wants it (the caller
     * may route it elsewhere, e.g. to a subscription).
     */
    boolean route(ServerMessage message) {
        Pending<?> pending;
        boolean requestError = false;
        synchronized (this) {
            if (message instanceof RequestScoped scoped && scoped.reqId() >= 0 && byReqId.containsKey(scoped.reqId())) {
                pending = byReqId.get(scoped.reqId());
                if (message instanceof ErrorMessage error) {
                    if (IbCode.lookup(error.code()).category() == Category.WARNING) {
                        log.debug(
                                "TWS notice {} for {} #{}: {}",
                                error.code(),
                                pending.spec.name(),
                                error.reqId(),
                                error.message());
                        return true;
                    }
                    requestError = true;
                }
            } else {
                Deque<Pending<?>> queue = byAnswerType.get(message.getClass());
                pending = queue == null ? null : queue.peekFirst();
                if (pending == null) {
                    return false;
                }
            }
        }
        if (requestError) {
            ErrorMessage error = (ErrorMessage) message;
            if (remove(pending)) {
                pending.fail(new TwsRequestException(error.reqId(), error.code(), error.message()));
            }
            return true;
        }
        deliver(pending, message);
        return true;
    }

    private <T> void deliver(Pending<T> pending, ServerMessage message) {
        boolean done;
        try {
            done = pending.handler.accept(message);
        } catch (RuntimeException e) {
            if (remove(pending)) {
                pending.fail(e);
            }
            return;
        }
        if (done && remove(pending)) {
            pending.future.complete(pending.handler.result());
        }
    }

    /** Removes and returns every entry whose deadline has passed; the caller cancels them at TWS and fails them. */
    synchronized List<Pending<?>> expire(Instant now) {
        List<Pending<?>> expired = new ArrayList<>();
        for (Iterator<Pending<?>> it = byReqId.values().iterator(); it.hasNext(); ) {
            Pending<?> pending = it.next();
            if (!now.isBefore(pending.deadline)) {
                it.remove();
                expired.add(pending);
            }
        }
        for (Deque<Pending<?>> queue : byAnswerType.values()) {
            for (Iterator<Pending<?>> it = queue.iterator(); it.hasNext(); ) {
                Pending<?> pending = it.next();
                if (!now.isBefore(pending.deadline)) {
                    it.remove();
                    expired.add(pending);
                }
            }
        }
        size -= expired.size();
        return expired;
    }

    /** Fails every pending request at once (connection lost, shutdown). */
    void failAll(Throwable cause) {
        List<Pending<?>> all;
        synchronized (this) {
            all = new ArrayList<>(byReqId.values());
            byAnswerType.values().forEach(all::addAll);
            byReqId.clear();
            byAnswerType.clear();
            size = 0;
        }
        all.forEach(p -> p.fail(cause));
    }

    synchronized int size() {
        return size;
    }

    private boolean removeFromQueue(Pending<?> pending) {
        Deque<Pending<?>> queue = byAnswerType.get(pending.spec.answeredBy());
        return queue != null && queue.remove(pending);
    }
}
