package io.tradergateway.tws;

import io.tradergateway.tws.wire.OrderScoped;
import io.tradergateway.tws.wire.RequestScoped;
import io.tradergateway.tws.wire.ServerMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one inbound routing table. Each message costs a few hash lookups whatever the number of requests,
 * subscriptions or orders: its owner by request id (requests and subscriptions), by order id (orders; an
 * error's id in the order range), or by answer type (requests TWS answers without an id); then the consumers
 * that share its type (streams without ids, such as positions); then the taps ({@link TwsListener}s, few and
 * fixed). Ids are disjoint ({@link IdRanges}), so the id alone picks the table.
 *
 * <p>Called on the reader thread; owners must be quick and never block. A failing owner is logged, never
 * allowed to kill the reader.
 */
final class InboundRouter {

    private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);

    private final Map<Integer, Consumer<ServerMessage>> byRequestId = new ConcurrentHashMap<>();
    private final Map<Integer, Consumer<ServerMessage>> byOrderId = new ConcurrentHashMap<>();
    private final Map<Class<?>, Consumer<ServerMessage>> byAnswerType = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Consumer<ServerMessage>>> shared = new ConcurrentHashMap<>();
    private final List<TwsListener> taps = new CopyOnWriteArrayList<>();

    void bindRequest(int reqId, Consumer<ServerMessage> owner) {
        byRequestId.put(reqId, owner);
    }

    void unbindRequest(int reqId, Consumer<ServerMessage> owner) {
        byRequestId.remove(reqId, owner);
    }

    void bindOrder(int orderId, Consumer<ServerMessage> owner) {
        byOrderId.put(orderId, owner);
    }

    void unbindOrder(int orderId) {
        byOrderId.remove(orderId);
    }

    /** The owner of answers that carry no id, by their type (one owner per type). */
    void bindAnswerType(Class<? extends ServerMessage> type, Consumer<ServerMessage> owner) {
        byAnswerType.putIfAbsent(type, owner);
    }

    <M extends ServerMessage> void share(Class<M> type, Consumer<? super M> consumer) {
        shared.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(m -> consumer.accept(type.cast(m)));
    }

    void addTap(TwsListener listener) {
        taps.add(listener);
    }

    List<TwsListener> taps() {
        return taps;
    }

    int routes() {
        return byRequestId.size() + byOrderId.size();
    }

    /** Delivers one message; returns whether an owner (by id or answer type) took it. */
    boolean route(ServerMessage message) {
        Consumer<ServerMessage> owner = owner(message);
        if (owner != null) {
            deliver(owner, message);
        }
        List<Consumer<ServerMessage>> sharing = shared.get(message.getClass());
        if (sharing != null) {
            for (Consumer<ServerMessage> consumer : sharing) {
                deliver(consumer, message);
            }
        }
        for (TwsListener tap : taps) {
            try {
                tap.onMessage(message);
            } catch (RuntimeException e) {
                log.error(
                        "TWS listener {} failed on {}",
                        tap.getClass().getSimpleName(),
                        message.getClass().getSimpleName(),
                        e);
            }
        }
        return owner != null;
    }

    private Consumer<ServerMessage> owner(ServerMessage message) {
        if (message instanceof OrderScoped order) {
            return byOrderId.get(order.orderId());
        }
        if (message instanceof RequestScoped scoped && scoped.reqId() >= 0) {
            int id = scoped.reqId();
            return IdRanges.isRequestId(id) ? byRequestId.get(id) : byOrderId.get(id);
        }
        return byAnswerType.get(message.getClass());
    }

    private static void deliver(Consumer<ServerMessage> consumer, ServerMessage message) {
        try {
            consumer.accept(message);
        } catch (RuntimeException e) {
            log.error("handling {} from TWS failed", message.getClass().getSimpleName(), e);
        }
    }
}
