package io.tradergateway.tws;

import io.tradergateway.tws.wire.ServerMessage;
import java.time.Duration;

/**
 * Receives what arrives from TWS. Called on the connection's reader thread: keep it quick and never block,
 * or every other message waits.
 */
public interface TwsListener {

    default void onMessage(ServerMessage message) {}

    default void onStateChange(ConnectionState previous, ConnectionState current) {}

    /** A reconnect attempt is scheduled after {@code delay}; {@code attempt} counts from 1 since the last READY. */
    default void onReconnectScheduled(int attempt, Duration delay) {}
}
