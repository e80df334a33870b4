package io.tradergateway.status;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tradergateway.marketdata.MarketDataStatus;
import io.tradergateway.status.MaintenanceSchedule.Maintenance;
import io.tradergateway.tws.BrokerMode;
import io.tradergateway.tws.TwsStatus;
import java.time.Instant;

/**
 * What {@code GET /api/v1/status} answers: the mode, the TWS connection (the connection's own snapshot,
 * embedded whole so new fields appear here without a copy), the IB status check, maintenance windows and
 * whether TRADER_CHECK has turned the check off.
 *
 * @param mode {@code tws} or {@code simulator}
 * @param simulated true when the data comes from the embedded simulator, never from IB
 * @param ibStatus IB's status page as judged for this gateway's exchanges
 * @param maintenance IB maintenance window running now and the next one
 * @param traderCheck {@code enabled=false} means the status-page check is off
 * @param marketData market-data lines: budget, open, watched, stale (no tick for gateway.market-data.stale-after)
 */
public record GatewayStatus(
        @Schema(allowableValues = {"tws", "simulator"}) String mode,
        boolean simulated,
        TwsStatus tws,
        IbStatusReport ibStatus,
        Maintenance maintenance,
        TraderCheck traderCheck,
        MarketDataStatus marketData,
        Instant asOf) {

    static GatewayStatus of(TwsStatus tws, IbStatusReport ibStatus, MarketDataStatus marketData, Instant now) {
        return new GatewayStatus(
                tws.mode().label(),
                tws.mode() == BrokerMode.SIMULATOR,
                tws,
                ibStatus,
                ibStatus.maintenance(),
                ibStatus.traderCheck(),
                marketData,
                now);
    }
}
