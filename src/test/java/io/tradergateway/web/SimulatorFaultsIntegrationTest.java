package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.ReqCurrentTime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The /sim fault controls over HTTP, and what a client of the gateway sees when TWS misbehaves. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.tws.reconnect-initial-delay=20ms", "gateway.tws.reconnect-max-delay=100ms"})
@ActiveProfiles("sim")
@DirtiesContext
class SimulatorFaultsIntegrationTest {

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
        awaitReady();
    }

    @AfterEach
    void clear() {
        simulator.clearFaults();
        awaitReady();
    }

    private void awaitReady() {
        Eventually.await("READY", Duration.ofSeconds(10), () -> connection.state() == ConnectionState.READY);
    }

    @Test
    void dropMidRequestAnswers503WithinAMomentAndTheNextRequestSucceeds() throws Exception {
        assertThat(http.send("POST", "/sim/delay?millis=30000").statusCode()).isEqualTo(200);
        int before = simulator.received(ReqCurrentTime.class).size();
        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> http.get("/api/v1/tws/time"));
        Eventually.await(
                "request at TWS",
                Duration.ofSeconds(5),
                () -> simulator.received(ReqCurrentTime.class).size() > before);

        http.send("POST", "/sim/delay?millis=0");
        long dropped = System.nanoTime();
        assertThat(http.send("POST", "/sim/disconnect").statusCode()).isEqualTo(200);
        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("tws-unavailable", "TWS disconnected");
        assertThat(millis)
                // at once, not at the 30 s delay: the bound leaves room for a GC pause or a busy 2-core machine
                .as("answered at once on the drop, not at the 30 s delay")
                .isLessThan(2000);

        awaitReady();
        HttpResponse<String> next = http.get("/api/v1/tws/time");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("\"twsTime\"", "\"roundTripMillis\"");
    }

    @Test
    void connectivityLossShowsInReadinessAndStatus() {
        http.send("POST", "/sim/error?code=1100");
        Eventually.await("DEGRADED", Duration.ofSeconds(5), () -> connection.state() == ConnectionState.DEGRADED);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/status").body()).contains("DEGRADED", "1100");

        http.send("POST", "/sim/error?code=1102");
        awaitReady();
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void faultParametersAreValidated() {
        HttpResponse<String> response = http.send("POST", "/sim/refuse?seconds=-5");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("urn:trader-gateway:problem:invalid-parameter")
                .doesNotContain("Exception");
        assertThat(http.send("POST", "/sim/delay?millis=abc").statusCode()).isEqualTo(400);
        assertThat(http.send("POST", "/sim/error").statusCode()).isEqualTo(400);
    }

    @Test
    void statsShowWhatTheSimulatorSaw() {
        HttpResponse<String> response = http.get("/sim/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"pacingViolations\":0", "\"rateViolations\":0", "\"requestsReceived\"");
    }

    @Test
    void metricsShowStateReconnectsAndPendingRequests() {
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("tws_connection_state{state=\"READY\"} 1.0")
                .contains("tws_reconnects_total")
                .contains("tws_requests_pending");
    }
}
