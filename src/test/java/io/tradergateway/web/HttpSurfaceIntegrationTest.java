package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Methods, content negotiation and caching, for every operation of the committed contract. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.security.api-keys=first-secret-key,second-secret-key")
@ActiveProfiles("sim")
class HttpSurfaceIntegrationTest {

    private static final String[] KEY = {"X-API-Key", "first-secret-key"};

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    Http http;

    @BeforeEach
    void waitForTws() {
        http = new Http(port);
        Eventually.await(
                "TWS session READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
    }

    @Test
    void readOnlyPathsAnswer405ProblemDetailToEveryWritingMethod() {
        var paths = ContractOperations.load().readOnlyPaths();
        assertThat(paths).isNotEmpty();
        for (var path : paths) {
            for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
                HttpResponse<String> response = http.send(method, path.concrete(), KEY);
                assertThat(response.statusCode()).as(method + " " + path.path()).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow"))
                        .hasValueSatisfying(v -> assertThat(v).contains("GET"));
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body()).contains("urn:trader-gateway:problem:method-not-allowed");
            }
        }
    }

    @Test
    void anAcceptHeaderNoRepresentationSatisfiesIs406ProblemDetail() {
        for (var path : ContractOperations.load().readOnlyPaths()) {
            HttpResponse<String> response = http.get(path.concrete(), KEY[0], KEY[1], "Accept", "image/png");
            assertThat(response.statusCode()).as(path.path()).isEqualTo(406);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("urn:trader-gateway:problem:not-acceptable");
        }
    }

    @Test
    void accountDataIsNeverStoredByCaches() {
        HttpResponse<String> accounts = http.get("/api/v1/accounts", KEY);
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.headers().allValues("Cache-Control"))
                .anySatisfy(v -> assertThat(v).contains("no-store"));
        for (var path : ContractOperations.load().paths()) {
            assertThat(http.get(path.concrete(), KEY).headers().allValues("Cache-Control"))
                    .as(path.path())
                    .anySatisfy(v -> assertThat(v).contains("no-store"));
        }
    }
}
