package io.tradergateway.account;

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

/** Nothing listens on the TWS port: account data was never synced, so reads say 503 with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsWithoutTwsIntegrationTest {

    @DynamicPropertySource
    static void deadTwsPort(DynamicPropertyRegistry registry) {
        registry.add("gateway.tws.port", AccountsWithoutTwsIntegrationTest::freePort);
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
    void accountReadsBeforeAnySyncAre503WithRetryAfterAndMalformedIdsStill400() {
        Http http = new Http(port);
        Eventually.await(
                "a failed connect attempt",
                Duration.ofSeconds(10),
                () -> connection.status().lastError() != null);
        for (String path : new String[] {
            "/api/v1/positions", "/api/v1/accounts/DU1111111/summary", "/api/v1/accounts/DU1111111/portfolio"
        }) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).isPresent();
            assertThat(response.body()).as(path).contains("urn:trader-gateway:problem:account-data-not-synced");
        }
        assertThat(http.get("/api/v1/accounts/x!/summary").statusCode()).isEqualTo(400);
    }
}
