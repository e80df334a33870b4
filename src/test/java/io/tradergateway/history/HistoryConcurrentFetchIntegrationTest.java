package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.ReqHistoricalData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Faster first fetch: a long range's chunks are fetched concurrently, as far as IB's rules allow, and streamed in
 * time order. Through HTTP, the real client and a real socket to the simulator, on a clock the test moves (the
 * gateway's pacer and the simulator's pacing rules both read it, so no test sleeps through a pacing window).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.history.store-answers=false"})
@ActiveProfiles("sim")
class HistoryConcurrentFetchIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Instant NOW = Instant.parse("2026-03-06T21:00:00Z"); // Friday 16:00 New York

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TwsConnectionManager connection;

    @Autowired
    TwsSimulator simulator;

    @Autowired
    HistoryPacer pacer;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void ready() {
        simulator.clearFaults();
        simulator.holdHistoricalAnswers(false);
        Eventually.await("READY", Duration.ofSeconds(10), () -> connection.state() == ConnectionState.READY);
        Eventually.await("nothing open", Duration.ofSeconds(10), () -> simulator.openHistoricalRequests() == 0);
        simulator.history().resetPeakOpen();
        clock.advance(Duration.ofMinutes(1)); // every test's requests outside the others' burst windows
    }

    /** 1-minute bars (IB's small-bar rules do not apply): every chunk of the range is open at TWS at once. */
    @Test
    void aLongRangeOfMinuteBarsHasAllItsChunksOpenAtOnceAndStreamsInTimeOrder() throws Exception {
        int before = requests().size();
        simulator.holdHistoricalAnswers(true); // a slow HMDS: what the gateway sends stays open
        CompletableFuture<HttpResponse<String>> call = getAsync(
                "conId=265598&barSize=1%20min&useRth=false" + "&start=2026-02-02T00:00:00Z&end=2026-03-02T00:00:00Z");
        Eventually.await(
                "all 28 daily chunks open at the simulator at once",
                Duration.ofSeconds(20),
                () -> simulator.openHistoricalRequests() == 28);
        simulator.holdHistoricalAnswers(false);
        HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);

        assertThat(response.statusCode()).as(head(response)).isEqualTo(200);
        List<Instant> times = times(response.body());
        assertThat(times).as("strictly increasing").isSorted().doesNotHaveDuplicates();
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-02-02T09:00:00Z")); // 04:00 New York
        assertThat(times).hasSize(20 * 16 * 60); // 20 weekdays of 04:00-20:00 New York
        assertThat(requests().size() - before).isEqualTo(28);
        assertThat(simulator.history().peakOpen()).isEqualTo(28);
        assertThat(simulator.pacingViolations()).isZero();
    }

    /**
     * 5-second bars (paced: at most 5 requests for one contract in 2 s): five chunks go at once, the sixth is the
     * only one booked for a later slot, and the rest follow when the clock reaches it, with no violation.
     */
    @Test
    void smallBarsGoAsFastAsThePacingRulesAllowAndBookNoMoreThanOneFutureSlot() throws Exception {
        int before = requests().size();
        simulator.holdHistoricalAnswers(true);
        CompletableFuture<HttpResponse<String>> call = getAsync(
                "conId=272093&barSize=5%20secs&useRth=false" + "&start=2026-03-04T09:00:00Z&end=2026-03-04T19:00:00Z");
        Eventually.await("five chunks open", Duration.ofSeconds(20), () -> simulator.openHistoricalRequests() == 5);
        assertThat(pacer.queued()).as("no future slot booked while TWS works").isZero();
        simulator.holdHistoricalAnswers(false);
        Eventually.await("the sixth chunk waits for its slot", Duration.ofSeconds(20), () -> pacer.queued() == 1);
        assertThat(requests().size() - before).isEqualTo(5);
        assertThat(call).isNotDone();

        clock.advance(Duration.ofSeconds(3)); // past the 2 s burst window (+ the 100 ms margin)
        pacer.pump();
        HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);

        assertThat(response.statusCode()).as(head(response)).isEqualTo(200);
        List<Instant> times = times(response.body());
        assertThat(times).isSorted().doesNotHaveDuplicates().hasSize(10 * 720);
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
        assertThat(times.get(times.size() - 1)).isEqualTo(Instant.parse("2026-03-04T18:59:55Z"));
        assertThat(requests().size() - before).isEqualTo(10);
        assertThat(simulator.history().peakOpen()).isEqualTo(5);
        assertThat(simulator.pacingViolations()).isZero();
    }

    /** A chunk failing after the response started breaks its body, and nothing more is sent for it. */
    @Test
    void aChunkThatFailsMidResponseBreaksTheBodyAndWithdrawsTheRest() throws Exception {
        int before = requests().size();
        simulator.history().fail("20260303 12:00:00 UTC", true); // the third of ten hourly chunks
        CompletableFuture<HttpResponse<String>> call = getAsync(
                "conId=756733&barSize=5%20secs&useRth=false" + "&start=2026-03-03T09:00:00Z&end=2026-03-03T19:00:00Z");
        Throwable broken = null;
        String body = "";
        try {
            HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
        } catch (java.util.concurrent.ExecutionException e) {
            broken = e.getCause();
        }
        if (broken == null) {
            assertThat(body)
                    .as("never a complete-looking short body")
                    .doesNotEndWith("]}")
                    .doesNotEndWith("]}\n");
        } else {
            assertThat(broken).isInstanceOf(IOException.class);
        }
        clock.advance(Duration.ofSeconds(3));
        pacer.pump();
        Eventually.await("nothing left open", Duration.ofSeconds(10), () -> pacer.open() == 0);
        assertThat(pacer.queued()).isZero();
        assertThat(requests().size() - before)
                .as("the five sent at once, none after the failure")
                .isEqualTo(5);
        assertThat(simulator.pacingViolations()).isZero();
    }

    /** The first chunk failing is a problem response, before any byte of a body. */
    @Test
    void aFirstChunkThatFailsIsAProblemResponse() {
        simulator.history().fail("20260302 10:00:00 UTC", true);
        HttpResponse<String> response = getAsync("conId=265598&barSize=5%20secs&useRth=false"
                        + "&start=2026-03-02T09:00:00Z&end=2026-03-02T14:00:00Z")
                .join();
        assertThat(response.statusCode()).as(head(response)).isEqualTo(504);
        assertThat(response.body()).contains("urn:trader-gateway:problem:").doesNotContain("Exception");
        clock.advance(Duration.ofSeconds(3));
        pacer.pump();
        Eventually.await("nothing left open", Duration.ofSeconds(10), () -> pacer.open() == 0);
        assertThat(pacer.queued()).isZero();
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String query) {
        return CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/history?" + query))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<ReqHistoricalData> requests() {
        return simulator.received(ReqHistoricalData.class);
    }

    private static String head(HttpResponse<String> response) {
        String body = response.body();
        return response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    private static List<Instant> times(String body) {
        return HistoryJobsIntegrationTests.times(body); // one parser of the JSON bars' times
    }
}
