package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ServerMessage;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A stream the gateway keeps open at TWS (positions, account updates, ...). The connection manager sends
 * {@code start} whenever a session becomes READY and again after 1101 (TWS lost the data), and {@code cancel}
 * on unsubscribe and at shutdown. Each (re)start gets a fresh reqId; messages carrying that reqId go to
 * {@code onMessage} (streams without reqIds are seen through {@link TwsListener}).
 *
 * @param key unique name, e.g. "positions" or "account-updates:DU1111111"
 */
public record TwsSubscription(
        String key,
        IntFunction<ClientRequest> start,
        IntFunction<ClientRequest> cancel,
        Consumer<ServerMessage> onMessage) {

    public TwsSubscription {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(start, "start");
        onMessage = onMessage == null ? m -> {} : onMessage;
    }
}
