package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The whole app in profile sim: HTTP in, real socket to the embedded simulator, JSON out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("sim")
class SimulatorModeIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @Autowired
    WebServerApplicationContext web;

    Http http;

    @BeforeEach
    void waitForTws() {
        http = new Http(port);
        Eventually.await(
                "TWS session READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
    }

    @Test
    void accountsListsBothSimulatedAccounts() {
        HttpResponse<String> response = http.get("/api/v1/accounts");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains("\"accountId\":\"DU1111111\"", "\"accountId\":\"DU2222222\"");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    /** The sizes README "Threads and pools" states are the ones the running connector has. */
    @Test
    void tomcatRunsWithThePoolSizesInConfig() {
        var tomcat = (TomcatWebServer) web.getWebServer();
        var protocol =
                (AbstractHttp11Protocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
        assertThat(protocol.getMaxThreads()).isEqualTo(150);
        assertThat(protocol.getMinSpareThreads()).isEqualTo(4);
        assertThat(protocol.getMaxConnections()).isEqualTo(2000);
        assertThat(protocol.getAcceptCount()).isEqualTo(100);
        assertThat(protocol.getMaxKeepAliveRequests()).isEqualTo(1000);
        assertThat(protocol.getConnectionTimeout()).isEqualTo(10_000);
    }

    @Test
    void everyResponseSaysTheBrokerIsSimulated() {
        assertThat(http.get("/api/v1/accounts").headers().firstValue("X-Broker"))
                .hasValue("simulator");
        assertThat(http.get("/actuator/health/liveness").headers().firstValue("X-Broker"))
                .hasValue("simulator");
        assertThat(http.get("/no/such/path").headers().firstValue("X-Broker")).hasValue("simulator");
    }

    @Test
    void readinessIsUpWithTheTwsIndicator() {
        HttpResponse<String> response = http.get("/actuator/health/readiness");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"", "\"tws\"", "READY");
    }

    @Test
    void statusSaysSimulatorModeAndConnectionDetails() {
        HttpResponse<String> response = http.get("/api/v1/status");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains(
                        "\"mode\":\"simulator\"",
                        "\"simulated\":true",
                        "\"state\":\"READY\"",
                        "\"serverVersion\":200",
                        "\"clientId\":17",
                        "\"connectedSince\"");
    }

    @Test
    void unknownPathIsAProblemDetail404WithoutInternals() {
        HttpResponse<String> response = http.get("/api/v1/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("urn:trader-gateway:problem:not-found")
                .doesNotContain("Exception");
    }

    @Test
    void writingMethodsAreNotAllowed() {
        HttpResponse<String> response = http.send("POST", "/api/v1/accounts");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("urn:trader-gateway:problem:method-not-allowed");
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(http.get("/actuator/beans").statusCode()).isEqualTo(404);
    }
}
