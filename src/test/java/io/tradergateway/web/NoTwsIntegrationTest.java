package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.TwsConnectionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** TWS port with nothing listening: the app still starts, is alive, not ready, and says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoTwsIntegrationTest {

    @DynamicPropertySource
    static void deadTwsPort(DynamicPropertyRegistry registry) {
        registry.add("gateway.tws.port", NoTwsIntegrationTest::freePort);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @Test
    void aliveButNotReadyAndDataEndpointsSay503WithRetryAfter() {
        Http http = new Http(port);
        Eventually.await(
                "a failed connect attempt",
                Duration.ofSeconds(10),
                () -> connection.status().lastError() != null);

        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");

        HttpResponse<String> accounts = http.get("/api/v1/accounts");
        assertThat(accounts.statusCode()).isEqualTo(503);
        assertThat(accounts.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(accounts.headers().firstValue("X-Broker")).hasValue("tws");
        assertThat(accounts.body())
                .contains("urn:trader-gateway:problem:tws-unavailable", "not connected to TWS")
                .doesNotContain("Exception", "at io.");

        HttpResponse<String> status = http.get("/api/v1/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"mode\":\"tws\"", "\"code\":502");
    }

    /**
     * The simulator's fault endpoints exist in every mode's context (one AOT-processed context for both), but in
     * tws mode they answer as a path without an endpoint does, before reading parameters, and are not documented.
     */
    @Test
    void simulatorOperationsAre404AndUndocumentedInTwsMode() throws Exception {
        Http http = new Http(port);
        for (HttpResponse<String> response : java.util.List.of(
                http.get("/sim/stats"),
                http.send("POST", "/sim/disconnect"),
                http.send("POST", "/sim/refuse?seconds=not-a-number"))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
            assertThat(response.body())
                    .contains(ProblemTypes.NOT_FOUND.toString(), "no endpoint answers")
                    .doesNotContain("Exception");
        }
        // springdoc builds the document on its first request: seconds on a loaded machine, beyond Http's timeout
        HttpResponse<String> docs = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .timeout(Duration.ofSeconds(120))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/positions").doesNotContain("\"/sim/");
    }
}
