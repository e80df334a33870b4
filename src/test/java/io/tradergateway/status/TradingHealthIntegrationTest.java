package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app with TWS up (simulator) and IB's status page served from loopback: liveness ignores the page,
 * readiness follows TWS, {@code trading} follows TWS and the page, probes answer on the main port too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sim")
class TradingHealthIntegrationTest {

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

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    Http http;

    @BeforeEach
    void twsReady() {
        circuitBreakers.circuitBreaker(IbStatusService.CIRCUIT_BREAKER).reset();
        http = new Http(port);
        Eventually.await(
                "TWS session READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
    }

    private void pageShows(String fixture) {
        PAGE.serve(fixture);
        ibStatus.refresh();
    }

    @Test
    void aRedStatusPageStopsTradingButNotLivenessOrReadiness() {
        pageShows("system-outage.html");

        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/livez").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/readyz").statusCode()).isEqualTo(200);

        HttpResponse<String> trading = http.get("/actuator/health/trading");
        assertThat(trading.statusCode()).isEqualTo(503);
        JsonNode body = json(trading);
        assertThat(body.at("/status").asString()).isEqualTo("DOWN");
        assertThat(body.at("/components/tws/status").asString()).isEqualTo("UP");
        assertThat(body.at("/components/ibStatus/status").asString()).isEqualTo("DOWN");
        assertThat(body.at("/components/ibStatus/details/relevant/0/messageId").asLong())
                .isEqualTo(1201L);
    }

    @Test
    void tradingIsUpWhenTwsIsReadyAndThePageHasNothingRelevant() {
        pageShows("exchange-outage-not-of-interest.html");

        HttpResponse<String> trading = http.get("/actuator/health/trading");

        assertThat(trading.statusCode()).isEqualTo(200);
        JsonNode body = json(trading);
        assertThat(body.at("/status").asString()).isEqualTo("UP");
        assertThat(body.at("/components/ibStatus/details/irrelevant/0/exchanges/0")
                        .asString())
                .isEqualTo("MOEX");
    }

    @Test
    void maintenanceIsItsOwnStateAndNotSafeToTrade() {
        pageShows("maintenance.html");

        HttpResponse<String> trading = http.get("/actuator/health/trading");

        assertThat(trading.statusCode()).isEqualTo(503);
        assertThat(json(trading).at("/status").asString()).isEqualTo("MAINTENANCE");
        assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreadablePageIsUnknownAndNeverUpByAccident() {
        pageShows("changed-layout.html");

        HttpResponse<String> trading = http.get("/actuator/health/trading");

        assertThat(trading.statusCode()).isEqualTo(503);
        assertThat(json(trading).at("/status").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void statusShowsModeTwsIbStatusMaintenanceAndTraderCheck() {
        pageShows("system-outage.html");

        HttpResponse<String> response = http.get("/api/v1/status");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/mode").asString()).isEqualTo("simulator");
        assertThat(body.at("/tws/state").asString()).isEqualTo("READY");
        assertThat(body.at("/tws/clientId").asInt()).isEqualTo(17);
        assertThat(body.at("/tws/managedAccounts").isArray()).isTrue();
        assertThat(body.at("/ibStatus/status").asString()).isEqualTo("DOWN");
        assertThat(body.at("/ibStatus/state").asString()).isEqualTo("OUTAGE");
        assertThat(body.at("/ibStatus/relevant/0/title").asString()).isEqualTo("Login Issues");
        assertThat(body.at("/ibStatus/pageUpdated").asString()).isEqualTo("2026/05/06 10:42:17 EDT");
        assertThat(body.at("/ibStatus/scrapedAt").isMissingNode()).isFalse();
        assertThat(body.at("/maintenance").isObject()).isTrue();
        assertThat(body.at("/traderCheck/enabled").asBoolean()).isTrue();
        assertThat(body.at("/ibStatus/traderCheck").isMissingNode()).isTrue();
    }

    @Test
    void fetchesGoThroughTheCircuitBreakerConfiguredInYaml() {
        var config =
                circuitBreakers.circuitBreaker(IbStatusService.CIRCUIT_BREAKER).getCircuitBreakerConfig();

        assertThat(config.getSlidingWindowSize()).isEqualTo(3);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(3);
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1))
                .isEqualTo(Duration.ofMinutes(5).toMillis());
        pageShows("no-problems.html");
        assertThat(json(http.get("/api/v1/status"))
                        .at("/ibStatus/circuitBreaker")
                        .asString())
                .isEqualTo("CLOSED");
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }
}
