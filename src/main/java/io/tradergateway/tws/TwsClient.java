package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What features ask of TWS. Features inject this interface, never the lifecycle bean behind it
 * ({@link TwsConnectionManager}), so the session, routing and reconnect machinery can change without them.
 *
 * <p>Inbound messages reach their owner in one lookup ({@link InboundRouter}): by request id (a
 * {@link #request} or {@link #subscribe subscription}), by order id ({@link #allocateOrderId}), or by type for
 * messages TWS sends without an id ({@link #share}). Request ids and order ids come from disjoint ranges, so an
 * order's error can never fail a request that happens to carry the same number.
 */
public interface TwsClient {

    /** Whether the peer is a real TWS or the simulator (fixed for the life of the client). */
    BrokerMode mode();

    ConnectionState state();

    /** An immutable snapshot of the connection; cheap, never touches the socket. */
    TwsStatus status();

    /** Accounts of the synced session; {@link TwsUnavailableException} when not synced. */
    List<String> managedAccounts();

    /** How long a client should wait before trying again: until the next reconnect attempt, at least 1 s. */
    Duration retryAfter();

    /**
     * Sends a request and returns its answer. Fails fast with {@link TwsUnavailableException} when not synced
     * and {@link TwsBusyException} when too many requests wait; later with {@link TwsRequestException} (TWS
     * said no), {@link TwsTimeoutException} or, by the request's {@link RequestKind}, with
     * {@link TwsUnavailableException} / {@link TwsOutcomeUnknownException} when the connection is lost meanwhile.
     */
    <T> CompletableFuture<T> request(TwsRequest<T> spec);

    /** Sends a fire-and-forget message (no answer expected), or fails with {@link TwsUnavailableException}. */
    void send(ClientRequest message);

    /** Keeps a stream open at TWS across reconnects; starts it now if the session is synced. */
    void subscribe(TwsSubscription subscription);

    /** Stops a stream and cancels it at TWS. */
    void unsubscribe(String key);

    /** State changes, reconnect attempts, and (as a tap) every inbound message. */
    void addListener(TwsListener listener);

    /**
     * Receives every message of a type TWS sends without a request or order id (positions, portfolio rows,
     * account values, managedAccounts): only messages of that type are offered to {@code consumer}.
     */
    <M extends ServerMessage> void share(Class<M> type, Consumer<? super M> consumer);

    /**
     * Takes the next order id of the current session (seeded by TWS's nextValidId) and routes every message
     * carrying it (errors, order status) to {@code owner} until {@link #releaseOrderId}. Fails with
     * {@link TwsUnavailableException} when not synced.
     */
    int allocateOrderId(Consumer<ServerMessage> owner);

    /** Stops routing an order id's messages to its owner. */
    void releaseOrderId(int orderId);
}
