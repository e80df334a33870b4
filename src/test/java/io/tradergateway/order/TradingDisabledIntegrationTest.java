package io.tradergateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.PlaceOrder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Trading is off by default: every write answers 403 trading-disabled and nothing reaches TWS; reads work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sim")
class TradingDisabledIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TwsSimulator simulator;

    @Autowired
    TwsConnectionManager connection;

    @Test
    void writesAreRefusedAndReadsWork() {
        Eventually.await("READY", Duration.ofSeconds(10), () -> connection.state() == ConnectionState.READY);
        OrderApi api = new OrderApi(port);

        OrderApi.Answer place =
                api.place("off-1", OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"MKT\""));
        assertThat(place.status()).isEqualTo(403);
        assertThat(place.body().path("type").asText()).isEqualTo("urn:trader-gateway:problem:trading-disabled");
        assertThat(api.send("DELETE", "/api/v1/orders/1", null).status()).isEqualTo(403);
        assertThat(api.send("PATCH", "/api/v1/orders/1", "{\"limitPrice\":1}").status())
                .isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/orders?confirm=CANCEL_ALL", null).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/executions").status()).isEqualTo(200);
        assertThat(simulator.received(PlaceOrder.class)).isEmpty();
    }
}
