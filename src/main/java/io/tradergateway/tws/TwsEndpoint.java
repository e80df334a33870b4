package io.tradergateway.tws;

/** Where to connect, and whether that peer is a real TWS or the simulator. */
public record TwsEndpoint(String host, int port, BrokerMode mode) {

    public TwsEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
