package io.tradergateway.web;

import java.net.InetAddress;

/**
 * Account data must not reach the network unauthenticated by accident: a gateway bound to anything but
 * loopback (or to every interface, when {@code server.address} is unset) refuses to start without API keys,
 * unless the operator sets the override because something in front of it authenticates callers.
 *
 * @param bindAddress {@code server.address}; null means every interface
 */
record ExposureGuard(InetAddress bindAddress, boolean keysRequired, boolean override) {

    static final String OVERRIDE_PROPERTY = "gateway.security.allow-remote-without-api-key";

    ExposureGuard {
        boolean loopbackOnly = bindAddress != null && bindAddress.isLoopbackAddress();
        if (!loopbackOnly && !keysRequired && !override) {
            String where = bindAddress == null ? "every interface" : bindAddress.getHostAddress();
            throw new IllegalStateException("refusing to start: the HTTP server would listen on " + where
                    + " (server.address) without an API key, so anyone on the network could read account data."
                    + " Set GATEWAY_SECURITY_API_KEYS, or bind to loopback (SERVER_ADDRESS=127.0.0.1), or, if a"
                    + " proxy in front authenticates callers, set " + OVERRIDE_PROPERTY + "=true"
                    + " (GATEWAY_SECURITY_ALLOW_REMOTE_WITHOUT_API_KEY=true).");
        }
    }
}
