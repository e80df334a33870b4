package io.tradergateway.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.contract.ContractService;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.ResponseHandler;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsRequest;
import io.tradergateway.tws.wire.CancelMktData;
import io.tradergateway.tws.wire.ReqMarketDataType;
import io.tradergateway.tws.wire.ReqMktData;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.TickPrice;
import io.tradergateway.tws.wire.TickSnapshotEnd;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Market data over HTTP and through the real client over real sockets to the simulator, on a hand-moved clock:
 * ticks, linger, staleness and the simulator's tick steps all move when the test moves time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.tws.reconnect-initial-delay=20ms",
            "gateway.tws.reconnect-max-delay=100ms",
            "gateway.tws.housekeeping-interval=20ms",
            "gateway.market-data.max-lines=3",
            "gateway.market-data.linger=10s",
            "gateway.market-data.stale-after=5s",
            "gateway.market-data.check-interval=20ms"
        })
@ActiveProfiles("sim")
class MarketDataIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int AAPL = 265598;
    private static final int MSFT = 272093;
    private static final int SPY = 756733;
    private static final int EURUSD = 12087792;

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TwsSimulator simulator;

    @Autowired
    MutableClock clock;

    @Autowired
    TwsClient tws;

    @Autowired
    MarketDataService marketData;

    @Autowired
    ContractService contracts;

    Http http;
    final List<MarketDataService.Watch> watches = new ArrayList<>();

    @BeforeEach
    void ready() {
        http = new Http(port);
        Eventually.await("READY", WAIT, () -> tws.state() == ConnectionState.READY);
    }

    @AfterEach
    void releaseEverything() {
        watches.forEach(MarketDataService.Watch::close);
        watches.clear();
        simulator.marketData().stopTicking(false);
        simulator.marketData().notSubscribed(SPY, false);
        clock.advance(Duration.ofSeconds(11));
        Eventually.await("every line released", WAIT, () -> marketData.status().openLines() == 0);
        Eventually.await(
                "simulator lines closed", WAIT, () -> simulator.marketData().openLines() == 0);
    }

    private JsonNode okJson(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long requestsFor(int conId) {
        return simulator.received(ReqMktData.class).stream()
                .filter(r -> r.contract().conId() == conId)
                .count();
    }

    private List<Quote> watch(int conId) {
        List<Quote> seen = new CopyOnWriteArrayList<>();
        watches.add(marketData.watch(contracts.byConId(conId), seen::add));
        return seen;
    }

    @Test
    void aQuoteHasBidAskLastSizesAndSaysItIsLive() {
        JsonNode first = okJson("/api/v1/quotes?conId=" + AAPL).get("quotes").get(0);
        assertThat(first.get("bidSize"))
                .as("a quote waits for the sizes that follow the prices")
                .isNotNull();
        // volume, high, low and close follow bid/ask/last; the shared line answers the next poll at once
        java.util.concurrent.atomic.AtomicReference<JsonNode> full =
                new java.util.concurrent.atomic.AtomicReference<>();
        Eventually.await("the line's full set", WAIT, () -> {
            full.set(okJson("/api/v1/quotes?conId=" + AAPL).get("quotes").get(0));
            return full.get().has("close") && full.get().has("volume");
        });
        JsonNode quote = full.get();
        assertThat(quote.get("conId").asInt()).isEqualTo(AAPL);
        assertThat(quote.get("bid").asDouble()).isPositive();
        assertThat(quote.get("ask").asDouble()).isGreaterThan(quote.get("bid").asDouble());
        assertThat(quote.get("last").asDouble()).isPositive();
        assertThat(quote.get("bidSize").asInt()).isPositive();
        assertThat(quote.get("volume").asLong()).isPositive();
        assertThat(quote.get("close").asDouble()).isPositive();
        assertThat(quote.get("marketDataType").asString()).isEqualTo("live");
        assertThat(quote.get("valueTypes").get("bid").asString()).isEqualTo("live");
        assertThat(quote.get("stale").asBoolean()).isFalse();
    }

    @Test
    void severalContractsByConIdAndDescriptionInOneRequest() {
        JsonNode quotes = okJson("/api/v1/quotes?conId=" + AAPL + "," + MSFT + "&symbol=SPY&secType=STK")
                .get("quotes");
        assertThat(quotes).hasSize(3);
        assertThat(List.of(
                        quotes.get(0).get("conId").asInt(),
                        quotes.get(1).get("conId").asInt(),
                        quotes.get(2).get("conId").asInt()))
                .containsExactlyInAnyOrder(AAPL, MSFT, SPY);
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        HttpResponse<String> response = http.get("/api/v1/quotes?conId=abc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("invalid-parameter")
                .contains("conId")
                .doesNotContain("Exception");
        assertThat(http.get("/api/v1/quotes").statusCode()).isEqualTo(400);
    }

    @Test
    void tenClientsShareOneLineAndTheLineIsReleasedAfterTheLastLeavesAndTheLinger() throws Exception {
        long before = requestsFor(MSFT);
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            polls.add(CompletableFuture.supplyAsync(() -> http.get("/api/v1/quotes?conId=" + MSFT)));
        }
        List<List<Quote>> watchers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            watchers.add(watch(MSFT));
        }
        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertThat(poll.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofMillis(300)); // the simulator's next tick step
        Eventually.await(
                "every watcher saw a move", WAIT, () -> watchers.stream().allMatch(w -> w.size() >= 2));
        assertThat(requestsFor(MSFT) - before).isEqualTo(1);
        assertThat(simulator.marketData().openLines()).isEqualTo(1);

        watches.forEach(MarketDataService.Watch::close);
        watches.clear();
        clock.advance(Duration.ofSeconds(9));
        marketData.housekeeping();
        assertThat(marketData.status().openLines()).as("lingering").isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        Eventually.await(
                "line cancelled at TWS", WAIT, () -> simulator.marketData().openLines() == 0);
        assertThat(simulator.received(CancelMktData.class)).isNotEmpty();
    }

    @Test
    void theLineBudgetAnswers429NamingTheLimit() {
        watch(AAPL);
        watch(MSFT);
        watch(SPY);
        HttpResponse<String> response = http.get("/api/v1/quotes?conId=" + EURUSD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).endsWith("market-data-lines-exhausted");
        assertThat(problem.get("limit").asInt()).isEqualTo(3);
        assertThat(problem.get("detail").asString()).contains("3");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(requestsFor(EURUSD)).isZero();
    }

    @Test
    void aLingeringLineMakesRoomForANewContract() {
        watch(AAPL);
        watch(MSFT);
        okJson("/api/v1/quotes?conId=" + SPY); // SPY's line lingers, unwatched
        assertThat(okJson("/api/v1/quotes?conId=" + EURUSD).get("quotes")).hasSize(1);
        assertThat(marketData.status().openLines()).isEqualTo(3);
    }

    @Test
    void withoutALiveSubscriptionTheGatewayFallsBackToDelayedDataAndSaysSo() {
        simulator.marketData().notSubscribed(SPY, true);
        JsonNode quote = okJson("/api/v1/quotes?conId=" + SPY).get("quotes").get(0);
        assertThat(quote.get("marketDataType").asString()).isEqualTo("delayed");
        assertThat(quote.get("fallback").asString()).contains("10089");
        assertThat(quote.get("valueTypes").get("last").asString()).isEqualTo("delayed");
        assertThat(quote.get("last").asDouble()).isPositive();
        assertThat(simulator.received(ReqMarketDataType.class)).contains(new ReqMarketDataType(3));
        // live-entitled contracts still come live (TWS serves live data where entitled whatever the type)
        assertThat(okJson("/api/v1/quotes?conId=" + AAPL)
                        .get("quotes")
                        .get(0)
                        .get("marketDataType")
                        .asString())
                .isEqualTo("live");
    }

    @Test
    void aSilentFeedIsReportedStaleInItsQuotesAndTheStatus() {
        List<Quote> seen = watch(AAPL);
        Eventually.await(
                "the line's full set",
                WAIT,
                () -> !seen.isEmpty() && seen.get(seen.size() - 1).close() != null);
        simulator.marketData().stopTicking(true);
        Eventually.await("stale event", WAIT, () -> {
            clock.advance(Duration.ofSeconds(6));
            return seen.get(seen.size() - 1).stale();
        });
        JsonNode status = okJson("/api/v1/status").get("marketData");
        assertThat(status.get("staleConIds").toString()).contains(Integer.toString(AAPL));
        simulator.marketData().stopTicking(false);
        clock.advance(Duration.ofMillis(300));
        Eventually.await("fresh again", WAIT, () -> !seen.get(seen.size() - 1).stale());
        assertThat(marketData.status().staleConIds()).isEmpty();
    }

    @Test
    void afterAFarmBlipEveryLineIsRequestedAgain() {
        List<Quote> seen = watch(AAPL);
        Eventually.await("first quote", WAIT, () -> !seen.isEmpty());
        long before = requestsFor(AAPL);
        simulator.marketData().farmBlip();
        Eventually.await("re-requested", WAIT, () -> requestsFor(AAPL) == before + 1);
        int count = seen.size();
        clock.advance(Duration.ofMillis(300));
        Eventually.await("ticking again", WAIT, () -> seen.size() > count);
    }

    @Test
    void linesAreRequestedAgainAfterReconnectAndAfter1101() {
        List<Quote> seen = watch(MSFT);
        Eventually.await("first quote", WAIT, () -> !seen.isEmpty());
        long before = requestsFor(MSFT);
        simulator.dropAllClients();
        Eventually.await("re-requested after reconnect", WAIT, () -> requestsFor(MSFT) == before + 1);
        Eventually.await("READY", WAIT, () -> tws.state() == ConnectionState.READY);
        simulator.connectivityLoss(1101, Duration.ofMillis(50));
        Eventually.await("re-requested after 1101", WAIT, () -> requestsFor(MSFT) == before + 2);
    }

    @Test
    void aSnapshotRequestAnswersOneSetOfTicksAndEnds() throws Exception {
        List<ServerMessage> ticks = tws.request(TwsRequest.withReqId(
                        "snapshot",
                        reqId -> ReqMktData.byConId(reqId, AAPL, "SMART", "", true),
                        null,
                        () -> new ResponseHandler<List<ServerMessage>>() {
                            final List<ServerMessage> seen = new ArrayList<>();

                            @Override
                            public boolean accept(ServerMessage message) {
                                seen.add(message);
                                return message instanceof TickSnapshotEnd;
                            }

                            @Override
                            public List<ServerMessage> result() {
                                return seen;
                            }
                        },
                        Duration.ofSeconds(5)))
                .get(10, TimeUnit.SECONDS);
        assertThat(ticks).anyMatch(m -> m instanceof TickPrice p && p.tickType() == 1 && p.price() > 0);
        assertThat(simulator.marketData().openLines()).isZero();
    }
}
