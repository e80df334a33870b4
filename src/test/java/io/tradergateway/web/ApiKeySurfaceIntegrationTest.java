package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole HTTP surface with API keys configured, as every real deployment runs it, through the JDK's HTTP
 * client, which fails on a body that ends without its final chunk (as curl exits 18). Streamed history used to
 * lose its last chunk here: the async dispatch that completes it was not authorised.
 *
 * <p>Same properties as {@link MalformedRequestFuzzTest}, so both share one application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.security.api-keys=first-secret-key,second-secret-key",
            // two chunks at a time, so that the mid-stream test's socket drop lands while chunks are still due
            "gateway.history.concurrency=2"
        })
@ActiveProfiles("sim")
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySurfaceIntegrationTest {

    private static final String KEY = "first-secret-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void ready() {
        http = new Http(port);
        http.send("POST", "/sim/clear", "X-API-Key", KEY);
        Eventually.await(
                "ready", Duration.ofSeconds(15), () -> http.get("/readyz").statusCode() == 200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "conId=265598&barSize=1h&duration=5D", // ending now: 5 days hold 3 weekdays of bars, 2 may not
                "symbol=MSFT&barSize=1%20hour&duration=2%20D&end=2026-03-06T21:00:00Z",
                "conId=265598&barSize=1m&start=2026-03-02T09:30:00-05:00&end=2026-03-07T00:00:00-05:00",
                "conId=265598&barSize=1d&duration=1Y"
            })
    void everyHistoryResponseIsCompleteAsJsonAndCsvFirstAndCached(String query, CapturedOutput output) {
        for (int round = 1; round <= 2; round++) { // the second round is served from the cache
            HttpResponse<String> json = http.get("/api/v1/history?" + query, "X-API-Key", KEY);
            assertThat(json.statusCode()).as("round %d: %s", round, json.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(json.body());
            assertThat(body.get("bars").size()).isPositive();

            HttpResponse<String> csv = http.get("/api/v1/history?" + query, "X-API-Key", KEY, "Accept", "text/csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(csv.body().lines().skip(1).count())
                    .as("one CSV row per JSON bar")
                    .isEqualTo(body.get("bars").size());
        }
        assertThat(output.getAll()).doesNotContain("Access Denied", "response is already committed");
    }

    @Test
    void aHistoryStreamThatFailsMidWayEndsVisiblyTruncatedNotSilentlyShort(CapturedOutput output) throws Exception {
        // 15 one-day chunks of minute bars; answers 800 ms late, so the socket drop lands while chunks are due
        http.send("POST", "/sim/delay?millis=800", "X-API-Key", KEY);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/history?conId=265598&barSize=1m&start=2026-04-01T00:00:00-04:00"
                        + "&end=2026-04-22T00:00:00-04:00"))
                .header("X-API-Key", KEY)
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        http.send("POST", "/sim/disconnect", "X-API-Key", KEY);

        try (InputStream body = response.body()) {
            assertThatThrownBy(body::readAllBytes)
                    .as("a client must be able to tell a broken stream from a complete one")
                    .isInstanceOf(IOException.class);
        }
        assertThat(output.getAll()).contains("history stream ended early").doesNotContain("Access Denied");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/accounts",
                "/api/v1/accounts/DU1111111/summary",
                "/api/v1/accounts/DU1111111/portfolio",
                "/api/v1/positions",
                "/api/v1/contracts?symbol=AAPL&secType=STK",
                "/api/v1/contracts/265598",
                "/api/v1/status",
                "/api/v1/tws/time",
                "/sim/stats",
                "/actuator/health",
                "/actuator/health/readiness",
                "/livez",
                "/readyz",
                "/v3/api-docs"
            })
    void everyOtherEndpointAnswersCompleteJsonWithAKey(String path) {
        Http http = Http.patient(port); // /v3/api-docs is built on its first request
        Eventually.await(
                path + " synced",
                Duration.ofSeconds(15),
                () -> http.get(path, "X-API-Key", KEY).statusCode() == 200);
        HttpResponse<String> response = http.get(path, "X-API-Key", KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).isObject()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/accounts", "/api/v1/history?conId=265598&barSize=1h&duration=1D", "/sim/stats"})
    void withoutTheKeyDataEndpointsAre401Problems(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("urn:trader-gateway:problem:api-key-required");
    }

    @Test
    void ordinaryClientErrorsLeaveNoErrorLineAndNoStackFrameInTheLog(CapturedOutput output) throws IOException {
        String[][] requests = {
            {"GET", "/api/v1/history?conId=1&barSize=1h&duration=1D"}, // 404 contract, via the history path
            {"GET", "/api/v1/contracts/1"}, // 404 contract
            {"GET", "/api/v1/contracts?symbol=NOSUCHTHING&secType=STK"}, // 404 contract by description
            {"GET", "/api/v1/history?conId=265598&barSize=7m&duration=1D"}, // 400 validation
            {"POST", "/sim/delay?millis=-5"}, // 400 method validation
            {"DELETE", "/api/v1/accounts"}, // 405
            {"GET", "/api/v1/nothing"}, // 404 no endpoint
        };
        for (String[] r : requests) {
            int status = http.send(r[0], r[1], "X-API-Key", KEY).statusCode();
            assertThat(status).as(r[0] + " " + r[1]).isBetween(400, 499);
        }
        assertThat(http.get("/api/v1/accounts").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/accounts", "X-API-Key", "wrong-key").statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/accounts", "X-API-Key", KEY, "Accept", "image/png")
                        .statusCode())
                .isEqualTo(406);
        assertThat(http.get("/api/v1/accounts", "X-API-Key", KEY, "Accept", "a/b/c/d")
                        .statusCode())
                .isEqualTo(400);
        assertThat(raw("GET /api/v1/a%2Fb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400");

        String log = output.getAll();
        assertThat(log.lines().filter(line -> line.contains(" ERROR ")))
                .as("ERROR lines")
                .isEmpty();
        assertThat(log.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
                .as("stack frames")
                .isEmpty();
    }

    @Test
    void unknownPathsAndBadSimValuesSayWhatIsWrong() {
        HttpResponse<String> missing = http.send("PUT", "/api/v1/nothing/here", "X-API-Key", KEY);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no endpoint answers PUT /api/v1/nothing/here");

        HttpResponse<String> negative = http.send("POST", "/sim/refuse?seconds=-3", "X-API-Key", KEY);
        assertThat(negative.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(negative.body());
        assertThat(problem.get("parameter").asString()).isEqualTo("seconds");
        assertThat(problem.get("detail").asString()).contains("seconds", "0", "-3");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
