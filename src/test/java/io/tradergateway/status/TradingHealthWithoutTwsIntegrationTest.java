package io.tradergateway.status;

import static io.tradergateway.status.TradingHealthIntegrationTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.tws.TwsConnectionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** TWS gone: liveness stays UP whatever the status page says; readiness and trading are DOWN because of TWS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TradingHealthWithoutTwsIntegrationTest {

    static final StatusPageStub PAGE = new StatusPageStub();

    @DynamicPropertySource
    static void noTwsAndAStatusPage(DynamicPropertyRegistry registry) {
        PAGE.register(registry);
        registry.add("gateway.tws.port", TradingHealthWithoutTwsIntegrationTest::freePort);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    Http http;

    @BeforeEach
    void twsHasFailed() {
        http = new Http(port);
        Eventually.await(
                "a failed connect attempt",
                Duration.ofSeconds(10),
                () -> connection.status().lastError() != null);
    }

    @Test
    void aGreenPageDoesNotMakeTradingUpWithoutTws() {
        PAGE.serve("no-problems.html");
        ibStatus.refresh();

        assertThat(http.get("/livez").statusCode()).isEqualTo(200);
        assertThat(http.get("/readyz").statusCode()).isEqualTo(503);
        HttpResponse<String> trading = http.get("/actuator/health/trading");
        assertThat(trading.statusCode()).isEqualTo(503);
        assertThat(json(trading).at("/components/tws/status").asString()).isEqualTo("DOWN");
        assertThat(json(trading).at("/components/ibStatus/status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessStaysUpWithTwsGoneAndTheStatusPageRed() {
        PAGE.serve("system-outage.html");
        ibStatus.refresh();

        HttpResponse<String> liveness = http.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(liveness).at("/status").asString()).isEqualTo("UP");
        assertThat(liveness.body()).doesNotContain("ibStatus", "\"tws\"");
        assertThat(http.get("/livez").statusCode()).isEqualTo(200);
        assertThat(json(http.get("/actuator/health/trading"))
                        .at("/components/ibStatus/status")
                        .asString())
                .isEqualTo("DOWN");
    }
}
