package io.tradergateway.tws;

import io.tradergateway.tws.IbCode.Category;
import io.tradergateway.tws.wire.ErrorMessage;
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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request that expects an answer: reqId -> pending entry -> future. Bounded (a full registry refuses
 * at once instead of queueing), deadline-driven (expired entries are handed back for cancellation), and
 * settled at once when the connection dies. Each entry is bound in the {@link InboundRouter} under its reqId
 * while it waits (requests TWS answers without an id wait in a queue per answer type). Answers that find no
 * entry (late, or for a cancelled request) are dropped: the entry is gone, so nothing leaks.
 *
 * <p>Futures are completed outside the lock, on the calling thread (usually the reader): dependents must
 * not block.
 */
final class RequestRegistry {

    private static final Logger log = LoggerFactory.getLogger(RequestRegistry.class);

    private final int maxPending;
    private final IntSupplier reqIds;
    private final InboundRouter router;
    private final Map<Integer, Pending<?>> byReqId = new HashMap<>();
    private final Map<Class<?>, Deque<Pending<?>>> byAnswerType = new HashMap<>();
    private int size;

    RequestRegistry(int maxPending, IntSupplier reqIds, InboundRouter router) {
        this.maxPending = maxPending;
        this.reqIds = reqIds;
        this.router = router;
    }

    /** One request in flight. */
    final class Pending<T> {
        final int reqId;
        final TwsRequest<T> spec;
        final ResponseHandler<T> handler;
        final Instant deadline;
        final CompletableFuture<T> future = new CompletableFuture<>();
        final Consumer<ServerMessage> route = this::accept;

        Pending(int reqId, TwsRequest<T> spec, Instant deadline) {
            this.reqId = reqId;
            this.spec = spec;
            this.handler = spec.handler().get();
            this.deadline = deadline;
        }

        void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }

        /** An answer (or an error) addressed to this request. */
        void accept(ServerMessage message) {
            if (message instanceof ErrorMessage error) {
                if (IbCode.lookup(error.code()).category() == Category.WARNING) {
                    log.debug("TWS notice {} for {} #{}: {}", error.code(), spec.name(), reqId, error.message());
                } else if (remove(this)) {
                    fail(new TwsRequestException(error.reqId(), error.code(), error.message()));
                }
                return;
            }
            boolean done;
            try {
                done = handler.accept(message);
            } catch (RuntimeException e) {
                if (remove(this)) {
                    fail(e);
                }
                return;
            }
            if (done && remove(this)) {
                future.complete(handler.result());
            }
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
            router.bindAnswerType(spec.answeredBy(), this::deliverByType);
        } else {
            byReqId.put(pending.reqId, pending);
            router.bindRequest(pending.reqId, pending.route);
        }
        size++;
        return pending;
    }

    /** Removes an entry (answered, failed, or could not be sent); false if it was already gone. */
    synchronized boolean remove(Pending<?> pending) {
        boolean removed;
        if (pending.spec.answeredBy() != null) {
            Deque<Pending<?>> queue = byAnswerType.get(pending.spec.answeredBy());
            removed = queue != null && queue.remove(pending);
        } else {
            removed = byReqId.remove(pending.reqId, pending);
            if (removed) {
                unbind(pending);
            }
        }
        if (removed) {
            size--;
        }
        return removed;
    }

    /** Answers without an id go to the oldest request waiting for that type. */
    private void deliverByType(ServerMessage message) {
        Pending<?> first;
        synchronized (this) {
            Deque<Pending<?>> queue = byAnswerType.get(message.getClass());
            first = queue == null ? null : queue.peekFirst();
        }
        if (first != null) {
            first.accept(message);
        }
    }

    /** Removes and returns every entry whose deadline has passed; the caller cancels them at TWS and fails them. */
    synchronized List<Pending<?>> expire(Instant now) {
        List<Pending<?>> expired = new ArrayList<>();
        for (Iterator<Pending<?>> it = byReqId.values().iterator(); it.hasNext(); ) {
            Pending<?> pending = it.next();
            if (!now.isBefore(pending.deadline)) {
                it.remove();
                unbind(pending);
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

    /** Settles every pending request at once (connection lost, shutdown), each by its kind. */
    void failAll(Function<Pending<?>, Throwable> cause) {
        List<Pending<?>> all;
        synchronized (this) {
            all = new ArrayList<>(byReqId.values());
            all.forEach(this::unbind);
            byAnswerType.values().forEach(all::addAll);
            byReqId.clear();
            byAnswerType.clear();
            size = 0;
        }
        all.forEach(p -> p.fail(cause.apply(p)));
    }

    synchronized int size() {
        return size;
    }

    private void unbind(Pending<?> pending) {
        router.unbindRequest(pending.reqId, pending.route);
    }
}
