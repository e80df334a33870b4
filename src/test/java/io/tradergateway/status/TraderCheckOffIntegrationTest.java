package io.tradergateway.status;

import static io.tradergateway.status.TradingHealthIntegrationTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** TRADER_CHECK=False: a red page no longer stops trading, and both health and status say the check is off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "TRADER_CHECK=False")
@ActiveProfiles("sim")
class TraderCheckOffIntegrationTest {

    static final StatusPageStub PAGE = new StatusPageStub();

    @DynamicPropertySource
    static void statusPage(DynamicPropertyRegistry registry) {
        PAGE.register(registry);
    }

    @AfterAll
    static void stopPage() {
        PAGE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @Autowired
    IbStatusService ibStatus;

    @Test
    void aRedPageIsReportedButDoesNotStopTrading() {
        Eventually.await(
                "TWS session READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
        PAGE.serve("system-outage.html");
        ibStatus.refresh();
        Http http = new Http(port);

        HttpResponse<String> trading = http.get("/actuator/health/trading");
        assertThat(trading.statusCode()).isEqualTo(200);
        assertThat(json(trading).at("/components/ibStatus/details/traderCheck").asString())
                .isEqualTo("TRADER_CHECK=False");
        assertThat(json(trading).at("/components/ibStatus/details/state").asString())
                .isEqualTo("OUTAGE");

        var status = json(http.get("/api/v1/status"));
        assertThat(status.at("/traderCheck/enabled").asBoolean(true)).isFalse();
        assertThat(status.at("/traderCheck/value").asString()).isEqualTo("False");
        assertThat(status.at("/ibStatus/status").asString()).isEqualTo("UP");
        assertThat(status.at("/ibStatus/detail").asString())
                .startsWith("IB status-page check disabled by TRADER_CHECK");
    }
}
