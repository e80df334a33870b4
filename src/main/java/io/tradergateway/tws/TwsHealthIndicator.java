package io.tradergateway.tws;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code tws}: UP only when the session is synced (READY). DEGRADED (TWS lost IB's servers, 1100) is DOWN
 * with a detail: the socket is up, but nothing a trader asks for can be trusted until 1101/1102. Reads the
 * connection's snapshot only, so a probe never touches the socket.
 */
public class TwsHealthIndicator extends AbstractHealthIndicator {

    private final TwsClient connection;

    public TwsHealthIndicator(TwsClient connection) {
        super("TWS health check failed");
        this.connection = connection;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TwsStatus status = connection.status();
        builder.status(status.state() == ConnectionState.READY ? "UP" : "DOWN")
                .withDetail("mode", status.mode().label())
                .withDetail("state", status.state().name())
                .withDetail("since", status.stateSince().toString())
                .withDetail("clientId", status.clientId());
        if (status.serverVersion() != null) {
            builder.withDetail("serverVersion", status.serverVersion());
        }
        if (!status.farms().isEmpty()) {
            builder.withDetail("farms", status.farms());
        }
        if (status.lastError() != null) {
            builder.withDetail(
                    "lastError",
                    status.lastError().code() + " " + status.lastError().message());
        }
        if (status.state() == ConnectionState.DEGRADED) {
            builder.withDetail("reason", "TWS has lost its connection to IB's servers (1100); data may be stale");
        }
    }
}
