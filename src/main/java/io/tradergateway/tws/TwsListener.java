package io.tradergateway.tws;

import io.tradergateway.tws.wire.ServerMessage;

/**
 * Receives what arrives from TWS. Called on the connection's reader thread: keep it quick and never block,
 * or every other message waits.
 */
public interface TwsListener {

    default void onMessage(ServerMessage message) {}

    default void onStateChange(ConnectionState previous, ConnectionState current) {}
}
