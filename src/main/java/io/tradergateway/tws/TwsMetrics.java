package io.tradergateway.tws;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code tws.connection.state} (one gauge per state, 1 for the current one, so dashboards can stack them),
 * {@code tws.reconnects} and {@code tws.requests.pending}. All read the manager; nothing is pushed.
 */
public class TwsMetrics implements MeterBinder {

    private final TwsClient connection;

    public TwsMetrics(TwsClient connection) {
        this.connection = connection;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ConnectionState state : ConnectionState.values()) {
            Gauge.builder("tws.connection.state", connection, c -> c.state() == state ? 1 : 0)
                    .tag("state", state.name())
                    .description("1 for the current state of the TWS connection")
                    .register(registry);
        }
        FunctionCounter.builder("tws.reconnects", connection, c -> c.status().reconnects())
                .description("TWS sessions re-established after the first")
                .register(registry);
        Gauge.builder("tws.requests.pending", connection, c -> c.status().pendingRequests())
                .description("requests waiting for TWS")
                .register(registry);
    }
}
