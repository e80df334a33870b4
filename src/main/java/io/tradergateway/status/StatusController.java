package io.tradergateway.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.marketdata.MarketDataService;
import io.tradergateway.tws.TwsClient;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Status", description = "The health of the chain: gateway, TWS connection, IB's servers")
class StatusController {

    private final TwsClient connection;
    private final IbStatusService ibStatus;
    private final Clock clock;
    private final MarketDataService marketData;

    StatusController(TwsClient connection, IbStatusService ibStatus, Clock clock, MarketDataService marketData) {
        this.connection = connection;
        this.marketData = marketData;
        this.ibStatus = ibStatus;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Mode, TWS connection, IB system status, maintenance windows and TRADER_CHECK",
            description =
                    "Always answers 200, also while TWS or IB's status page is down: the fields say why."
                            + " Reads cached state only (market data: lines open, watched and stale); IB's status page is scraped on a schedule, not per request.")
    GatewayStatus status() {
        return GatewayStatus.of(connection.status(), ibStatus.report(), marketData.status(), clock.instant());
    }
}
