package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.security.api-keys=first-secret-key,second-secret-key")
@ActiveProfiles("sim")
class ApiKeyIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @Test
    void dataEndpointsNeedAKeyAndNeverEchoIt() {
        Http http = new Http(port);
        HttpResponse<String> missing = http.get("/api/v1/status");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("urn:trader-gateway:problem:api-key-required", "X-API-Key");

        HttpResponse<String> wrong = http.get("/api/v1/status", "X-API-Key", "guess-secret-key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not accepted").doesNotContain("guess-secret-key", "first-secret-key");
    }

    @Test
    void everyOperationInTheContractAnswers401ProblemDetailWithoutOrWithAWrongKey() {
        Http http = new Http(port);
        for (ContractOperations.PathMethods path : ContractOperations.load().paths()) {
            for (String[] headers : new String[][] {{}, {"X-API-Key", "first-secret-keX"}}) {
                HttpResponse<String> response = http.get(path.concrete(), headers);
                assertThat(response.statusCode()).as(path.path()).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.headers().firstValue("WWW-Authenticate"))
                        .hasValueSatisfying(v -> assertThat(v).contains("X-API-Key"));
                assertThat(response.body()).contains("\"status\":401", "api-key-required");
            }
        }
    }

    @Test
    void anyConfiguredKeyIsAccepted() {
        Http http = new Http(port);
        awaitReady();
        assertThat(http.get("/api/v1/status", "X-API-Key", "first-secret-key").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/status", "X-API-Key", "second-secret-key").statusCode())
                .isEqualTo(200);
        HttpResponse<String> accounts = http.get("/api/v1/accounts", "X-API-Key", "second-secret-key");
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("DU1111111");
    }

    @Test
    void probesSwaggerUiAndTheSpecStayOpenWithoutAKey() {
        Http http = Http.patient(port); // /v3/api-docs may be built on this request
        awaitReady();
        for (String open : new String[] {
            "/livez",
            "/readyz",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/actuator/health",
            "/v3/api-docs",
            "/swagger-ui/index.html"
        }) {
            assertThat(http.get(open).statusCode()).as(open).isEqualTo(200);
        }
        assertThat(http.get("/swagger-ui.html").statusCode()).isEqualTo(302);
    }

    @Test
    void healthDetailsOnlyForCallersWithAKey() {
        Http http = new Http(port);
        awaitReady();
        HttpResponse<String> anonymous = http.get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        // Overall status only (ibStatus is off in tests, so it may say UNKNOWN), never the components.
        assertThat(anonymous.body()).contains("\"status\":").doesNotContain("components", "tws", "details");
        assertThat(http.get("/readyz").body()).contains("\"status\":\"UP\"").doesNotContain("components", "tws");

        HttpResponse<String> authenticated = http.get("/actuator/health", "X-API-Key", "first-secret-key");
        assertThat(authenticated.body()).contains("\"components\"", "\"tws\"", "READY");
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposedEvenWithAKey() {
        Http http = new Http(port);
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops"}) {
            assertThat(http.get(hidden, "X-API-Key", "first-secret-key").statusCode())
                    .as(hidden)
                    .isEqualTo(404);
            assertThat(http.get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    /**
     * What every authenticated read still goes through after the request path was slimmed (README "Benchmarks"):
     * the security headers, no session, the X-Broker stamp, and its {@code http.server.requests} timer.
     */
    @Test
    void anAuthenticatedReadIsStatelessCarriesTheSecurityHeadersAndIsTimed() {
        Http http = new Http(port);
        awaitReady();
        Eventually.await(
                "positions synced",
                Duration.ofSeconds(15),
                () -> http.get("/api/v1/positions", "X-API-Key", "first-secret-key")
                                .statusCode()
                        == 200);
        HttpResponse<String> read = http.get("/api/v1/positions", "X-API-Key", "first-secret-key");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(read.headers().firstValue("X-Broker")).hasValue("simulator");
        assertThat(read.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(read.body().length()));

        assertThat(http.get("/api/v1/positions").statusCode()).isEqualTo(401);
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/positions\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"")
                .doesNotContain("http_server_requests_active");
    }

    private void awaitReady() {
        Eventually.await(
                "TWS session READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
    }
}
