package io.tradergateway.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.tws.TwsConnectionManager;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@EnableConfigurationProperties(IbStatusProperties.class)
@Tag(name = "Status", description = "The health of the chain: gateway, TWS connection")
class StatusController {

    private final TwsConnectionManager connection;
    private final Clock clock;

    StatusController(TwsConnectionManager connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Mode, TWS connection state, server version, client id and last error",
            description = "Always answers 200, also while TWS is down: the state says why.")
    GatewayStatus status() {
        return GatewayStatus.of(connection.status(), clock.instant());
    }
}
