package io.tradergateway.tws;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code tws}: UP when the session is synced (READY), also UP but flagged while TWS has lost IB's servers
 * (DEGRADED: the gateway still serves what it has), DOWN otherwise. Reads the connection's snapshot only, so
 * a probe never touches the socket.
 */
public class TwsHealthIndicator extends AbstractHealthIndicator {

    private final TwsConnectionManager connection;

    public TwsHealthIndicator(TwsConnectionManager connection) {
        super("TWS health check failed");
        this.connection = connection;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TwsStatus status = connection.status();
        builder.status(status.state().isUsable() ? "UP" : "DOWN")
                .withDetail("mode", status.mode().label())
                .withDetail("state", status.state().name())
                .withDetail("since", status.stateSince().toString());
        if (status.serverVersion() != null) {
            builder.withDetail("serverVersion", status.serverVersion());
        }
        if (status.state() == ConnectionState.DEGRADED) {
            builder.withDetail("warning", "TWS has lost its connection to IB's servers; data may be stale");
        }
    }
}
