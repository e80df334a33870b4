package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.CancelHistoricalData;
import io.tradergateway.tws.wire.ReqHistoricalData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The history endpoint through HTTP, the real client and a real socket to the simulator. The app's clock runs with
 * real time and the timeout test moves it past {@code gateway.history.timeout}: a short real timeout (2 s before)
 * would also fail any of the 50-chunk fetches here that a busy machine slows down. 20 s stays below the TWS
 * session's idle timeout (30 s), so moving the clock past it sends no heartbeat into the test's black hole.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.history.timeout=20s", "gateway.tws.housekeeping-interval=50ms"})
@ActiveProfiles("sim")
class HistoryIntegrationTest {

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.ticking();
        }
    }

    @Autowired
    MutableClock clock;

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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
        simulator.clearFaults();
        simulator.delayAnswers(Duration.ZERO);
        Eventually.await("READY", Duration.ofSeconds(10), () -> connection.state() == ConnectionState.READY);
    }

    private HttpResponse<String> get(String query, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/history?"
                        + query.replace(" ", "%20").replace("+", "%2B")))
                .timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int historyRequests() {
        return simulator.received(ReqHistoricalData.class).size();
    }

    @Test
    void returnsJsonBarsForAConIdAndDuration() {
        HttpResponse<String> response =
                get("conId=265598&barSize=5m&duration=1 D&end=2026-03-03T21:00:00Z&whatToShow=TRADES");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body())
                .startsWith("{\"conId\":265598,\"symbol\":\"AAPL\"")
                .contains("\"barSize\":\"5 mins\"", "\"bars\":[{\"time\":\"2026-03-03T14:30:00Z\",\"open\":")
                .contains("\"volume\":", "\"wap\":", "\"count\":")
                .endsWith("]}");
        assertThat(count(response.body())).isEqualTo(78); // 09:30-16:00 ET in 5-minute bars
        ReqHistoricalData sent = last(simulator.received(ReqHistoricalData.class));
        assertThat(sent.endDateTime()).isEqualTo("20260303 21:00:00 UTC");
        assertThat(sent.barSize()).isEqualTo("5 mins");
        assertThat(sent.duration()).isEqualTo("1 D");
    }

    @Test
    void returnsCsvWhenAskedAndResolvesADescription() {
        HttpResponse<String> response = get(
                "symbol=EUR&secType=CASH&currency=USD&barSize=1 hour&duration=1 D&end=2026-03-03T12:00:00Z"
                        + "&whatToShow=MIDPOINT",
                "Accept",
                "text/csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = response.body().split("\n");
        assertThat(lines[0]).isEqualTo("time,open,high,low,close,volume,wap,count");
        assertThat(lines).hasSize(1 + 24); // forex trades around the clock on weekdays: 24 hourly bars in 1 D
        assertThat(lines[1]).startsWith("2026-03-02T12:00:00Z,1.");
    }

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "conId=265598&barSize=7 mins&duration=1 D; invalid-bar-size; barSize",
                "conId=265598&barSize=1 min&duration=1 Q; invalid-duration; duration",
                "conId=265598&barSize=1 min&duration=90000 S; invalid-duration; duration",
                "conId=265598&barSize=1 secs&duration=1 D; invalid-bar-size; barSize",
                "conId=265598&barSize=1 day&duration=3600 S; invalid-bar-size; barSize",
                "conId=265598&barSize=1 min; invalid-duration; duration",
                "conId=265598&barSize=1 min&duration=1 D&start=2026-03-02T00:00:00Z; invalid-range; duration",
                "conId=265598&barSize=1 min&duration=1 D&end=2999-01-01T00:00:00Z; invalid-range; end",
                "conId=265598&barSize=1 min&start=2026-03-02T10:00:00; invalid-range; start",
                "conId=265598&barSize=1 min&start=2026-03-03T00:00:00Z&end=2026-03-02T00:00:00Z; invalid-range; start",
                "conId=265598&barSize=1 secs&start=2025-01-01T00:00:00Z&end=2026-01-01T00:00:00Z; invalid-range; start",
                "conId=265598&barSize=1 min&duration=1 D&whatToShow=VOLUME; invalid-what-to-show; whatToShow",
                "conId=12087792&barSize=1 min&duration=1 D&whatToShow=TRADES; invalid-what-to-show; whatToShow",
                "conId=265598&barSize=1 min&start=2026-03-02T00:00:00Z&whatToShow=ADJUSTED_LAST; invalid-what-to-show;"
                        + " whatToShow",
                "conId=265598&barSize=1 min&duration=1 D&useRth=maybe; invalid-parameter; useRth",
                "barSize=1 min&duration=1 D; invalid-parameter; conId",
                "conId=abc&barSize=1 min&duration=1 D; invalid-parameter; conId",
                "conId=265598&symbol=AAPL&barSize=1 min&duration=1 D; invalid-parameter; conId"
            })
    void everyInvalidParameterIsA400NamingItBeforeAnythingReachesTws(String query, String type, String parameter) {
        int before = historyRequests();
        HttpResponse<String> response = get(query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("urn:trader-gateway:problem:" + type, "\"parameter\":\"" + parameter + "\"")
                .doesNotContain("Exception");
        assertThat(historyRequests()).isEqualTo(before);
    }

    @Test
    void theAllowedValuesAreListed() {
        HttpResponse<String> response = get("conId=265598&barSize=1 secs&duration=1 D");
        assertThat(response.body()).contains("\"allowed\":[\"1 min\",\"2 mins\"", "\"1 day\"]");
    }

    @Test
    void aRangeWithNoBarsIs404HistoryNoData() {
        // a Saturday: the simulator answers 162 "HMDS query returned no data"
        HttpResponse<String> response = get("conId=265598&barSize=1 hour&duration=1 D&end=2026-03-07T23:00:00Z");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("urn:trader-gateway:problem:history-no-data");
    }

    @Test
    void aRepeatOfACompletedRequestIsServedFromTheCacheWithoutTws() {
        String query = "conId=272093&barSize=1 hour&duration=1 D&end=2026-02-26T21:00:00Z";
        HttpResponse<String> first = get(query);
        int after = historyRequests();
        HttpResponse<String> second = get(query);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(historyRequests()).isEqualTo(after);
    }

    @Test
    void identicalRequestsInParallelBecomeOneTwsRequest() {
        String query = "conId=756733&barSize=15 mins&duration=1 D&end=2026-02-25T21:00:00Z";
        get("conId=756733&barSize=1 day&duration=1 W&end=2026-02-20T21:00:00Z"); // contract now cached
        int before = historyRequests();
        simulator.delayAnswers(Duration.ofMillis(400)); // keeps the first in flight while the others arrive
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> get(query)));
        }
        List<HttpResponse<String>> responses =
                calls.stream().map(CompletableFuture::join).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses)
                .extracting(HttpResponse::body)
                .containsOnly(responses.get(0).body());
        assertThat(historyRequests()).isEqualTo(before + 1);
    }

    @Test
    void oneYearOfMinuteBarsIsSplitAndStitchedWithoutGapsOrDuplicates() {
        HttpResponse<String> response =
                get("conId=265598&barSize=1m&start=2025-01-01T00:00:00-05:00" + "&end=2026-01-01T00:00:00-05:00");
        assertThat(response.statusCode()).isEqualTo(200);
        List<Instant> times = times(response.body());
        long weekdays = LocalDate.of(2025, 1, 1)
                .datesUntil(LocalDate.of(2026, 1, 1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .count();
        assertThat(times).hasSize((int) (weekdays * 390));
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isAfter(times.get(i - 1));
        }
        Set<Instant> distinct = new HashSet<>(times);
        assertThat(distinct).hasSize(times.size());
        assertThat(simulator.received(ReqHistoricalData.class).stream()
                        .filter(r -> r.barSize().equals("1 min") && r.duration().equals("1 D")))
                .hasSizeGreaterThanOrEqualTo(365);
    }

    @Test
    void aHistoryRequestIsCancelledAtTwsWhenItTimesOut() {
        int before = historyRequests();
        simulator.blackhole(Duration.ofMinutes(5)); // TWS never answers
        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(
                () -> get("conId=265598&barSize=1 hour&duration=1 D&end=2026-02-24T21:00:00Z"));
        Eventually.await("request at TWS", Duration.ofSeconds(10), () -> historyRequests() > before);
        assertThat(pending).as("still waiting for TWS").isNotDone();
        clock.advance(Duration.ofSeconds(21)); // past gateway.history.timeout
        HttpResponse<String> response = pending.join();
        assertThat(response.statusCode()).isEqualTo(504);
        simulator.clearFaults();
        ReqHistoricalData sent = last(simulator.received(ReqHistoricalData.class));
        Eventually.await(
                "cancelHistoricalData",
                Duration.ofSeconds(5),
                () -> simulator.received(CancelHistoricalData.class).contains(new CancelHistoricalData(sent.reqId())));
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static int count(String json) {
        Matcher m = Pattern.compile("\\{\"time\"").matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<Instant> times(String json) {
        Matcher m = Pattern.compile("\"time\":\"([^\"]+)\"").matcher(json);
        List<Instant> times = new ArrayList<>();
        while (m.find()) {
            times.add(Instant.parse(m.group(1)));
        }
        return times;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
