package io.tradergateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.ReqContractDetails;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sim")
class ContractIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @Autowired
    TwsSimulator simulator;

    Http http;

    @BeforeEach
    void ready() {
        http = new Http(port);
        Eventually.await("READY", Duration.ofSeconds(10), () -> connection.state() == ConnectionState.READY);
    }

    @Test
    void findsAStockByDescription() {
        HttpResponse<String> response = http.get("/api/v1/contracts?symbol=AAPL&secType=STK&currency=USD");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"conId\":265598", "\"longName\":\"APPLE INC\"", "\"primaryExchange\":\"NASDAQ\"")
                .doesNotContain("\"strike\"");
    }

    @Test
    void findsAnOptionWithItsExpiryStrikeAndRight() {
        HttpResponse<String> response =
                http.get("/api/v1/contracts?symbol=AAPL&secType=OPT&expiry=20261218&strike=200&right=CALL");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"conId\":900000002", "\"right\":\"C\"", "\"multiplier\":\"100\"");
    }

    @Test
    void looksUpByConIdAndCachesTheAnswer() {
        int before = simulator.received(ReqContractDetails.class).size();
        HttpResponse<String> first = http.get("/api/v1/contracts/272093");
        HttpResponse<String> second = http.get("/api/v1/contracts/272093");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"symbol\":\"MSFT\"");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(simulator.received(ReqContractDetails.class)).hasSize(before + 1);
    }

    @Test
    void unknownContractIs404() {
        HttpResponse<String> response = http.get("/api/v1/contracts?symbol=NOPE");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("urn:trader-gateway:problem:contract-not-found");
        assertThat(http.get("/api/v1/contracts/123456").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource({
        "/api/v1/contracts/abc, conId",
        "/api/v1/contracts/-5, conId",
        "/api/v1/contracts/0, conId",
        "/api/v1/contracts/99999999999, conId",
        "/api/v1/contracts, symbol",
        "/api/v1/contracts?symbol=AAPL&secType=XYZ, secType",
        "/api/v1/contracts?symbol=AAPL&currency=DOLLARS, currency",
        "/api/v1/contracts?symbol=AAPL&secType=OPT&right=X, right",
        "/api/v1/contracts?symbol=AAPL&secType=OPT&strike=-1, strike",
        "/api/v1/contracts?symbol=AAPL&secType=FUT&expiry=2026-12, expiry",
        "/api/v1/contracts?symbol=AAPL&expiry=202612, secType",
        "/api/v1/contracts?symbol=%3Cscript%3E, symbol"
    })
    void badInputIsA400NamingTheParameter(String path, String parameter) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("urn:trader-gateway:problem:invalid-parameter", "\"parameter\":\"" + parameter + "\"")
                .doesNotContain("Exception", "<script>");
    }
}
