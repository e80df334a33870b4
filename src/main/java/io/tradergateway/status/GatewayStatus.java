package io.tradergateway.status;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tradergateway.tws.TwsStatus;
import java.time.Instant;

/**
 * What {@code GET /api/v1/status} answers: the mode (real TWS or simulator) and the TWS connection.
 *
 * @param mode {@code tws} or {@code simulator}
 * @param simulated true when the data comes from the embedded simulator, never from IB
 */
public record GatewayStatus(
        @Schema(allowableValues = {"tws", "simulator"}) String mode, boolean simulated, Tws tws, Instant asOf) {

    /** The connection, as an operator wants to see it. */
    public record Tws(
            @Schema(allowableValues = {"DISCONNECTED", "CONNECTING", "SYNCING", "READY", "DEGRADED"})
            String state,

            String host,
            int port,
            int clientId,
            Integer serverVersion,
            String twsConnectionTime,
            Instant connectedSince,
            Instant stateSince,
            int managedAccounts,
            TwsStatus.TwsError lastError,
            Instant nextReconnectAt) {}

    static GatewayStatus of(TwsStatus status, Instant now) {
        Tws tws = new Tws(
                status.state().name(),
                status.host(),
                status.port(),
                status.clientId(),
                status.serverVersion(),
                status.twsConnectionTime(),
                status.connectedSince(),
                status.stateSince(),
                status.managedAccounts().size(),
                status.lastError(),
                status.nextReconnectAt());
        return new GatewayStatus(
                status.mode().label(), status.mode() == io.tradergateway.tws.BrokerMode.SIMULATOR, tws, now);
    }
}
