package io.tradergateway.config;

import io.tradergateway.tws.TwsEndpoint;
import java.util.function.Supplier;

/** Where the connection manager connects: the configured TWS, or the embedded simulator in profile sim. */
@FunctionalInterface
public interface TwsEndpointSource extends Supplier<TwsEndpoint> {}
