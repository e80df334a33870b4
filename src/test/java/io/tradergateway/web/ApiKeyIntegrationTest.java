package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
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
    void anyConfiguredKeyIsAccepted() {
        Http http = new Http(port);
        assertThat(http.get("/api/v1/status", "X-API-Key", "first-secret-key").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/status", "X-API-Key", "second-secret-key").statusCode())
                .isEqualTo(200);
    }

    @Test
    void probesStayOpenWithoutAKey() {
        Http http = new Http(port);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
