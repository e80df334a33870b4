package io.tradergateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.PortfolioValue;
import io.tradergateway.tws.wire.Position;
import io.tradergateway.tws.wire.ReqAccountUpdates;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accounts, positions and portfolios over HTTP, through the real client and real sockets to the embedded
 * simulator. Gateway and simulator share a hand-moved clock: prices move, heartbeats fail and fault windows
 * end when the test moves time, never by sleeping.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.tws.reconnect-initial-delay=20ms",
            "gateway.tws.reconnect-max-delay=100ms",
            "gateway.tws.handshake-timeout=500ms",
            "gateway.tws.housekeeping-interval=20ms",
            "gateway.accounts.focus-check-interval=20ms"
        })
@ActiveProfiles("sim")
class AccountsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long FROM_MEMORY_MS = 2_000;
    private static final String FIRST = "DU1111111";
    private static final String SECOND = "DU2222222";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

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
    TwsConnectionManager connection;

    @Autowired
    TwsSimulator simulator;

    @Autowired
    MutableClock clock;

    @Autowired
    Clock injected;

    @Autowired
    AccountStreams streams;

    Http http;

    @BeforeEach
    void ready() {
        http = new Http(port);
        awaitReady();
    }

    @AfterEach
    void clearFaults() {
        simulator.clearFaults();
        awaitReady();
    }

    private void awaitReady() {
        Eventually.await("READY", WAIT, () -> connection.state() == ConnectionState.READY);
        Eventually.await("positions synced", WAIT, () -> {
            HttpResponse<String> r = http.get("/api/v1/positions");
            return r.statusCode() == 200 && !json(r).get("stale").asBoolean();
        });
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private JsonNode okJson(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    /**
     * Waits until the portfolio of {@code account} is served live. TWS streams one account at a time: if the
     * stream is on the other account, the clock is moved past the dwell so the rotation comes here (the read
     * itself asks for this account next).
     */
    private JsonNode livePortfolio(String account) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        long[] lastNudge = {System.nanoTime()};
        Eventually.await("live portfolio of " + account, WAIT, () -> {
            HttpResponse<String> r = http.get("/api/v1/accounts/" + account + "/portfolio");
            if (r.statusCode() == 200) {
                last.set(json(r));
                if (!last.get().get("stale").asBoolean()) {
                    return true;
                }
            }
            if (System.nanoTime() - lastNudge[0] > TimeUnit.MILLISECONDS.toNanos(200)) {
                clock.advance(Duration.ofSeconds(61));
                lastNudge[0] = System.nanoTime();
            }
            return false;
        });
        return last.get();
    }

    private static JsonNode find(JsonNode rows, java.util.function.Predicate<JsonNode> match) {
        for (JsonNode row : rows) {
            if (match.test(row)) {
                return row;
            }
        }
        throw new AssertionError("no such row in " + rows);
    }

    private void assertPositionsMatchBook(JsonNode body) {
        List<Position> book = new ArrayList<>(simulator.positions(FIRST));
        book.addAll(simulator.positions(SECOND));
        JsonNode rows = body.get("positions");
        assertThat(rows).hasSize(book.size());
        for (Position expected : book) {
            JsonNode row = find(
                    rows,
                    r -> r.get("accountId").asString().equals(expected.account())
                            && r.get("contract").get("conId").asInt() == expected.conId());
            assertThat(row.get("position").decimalValue()).isEqualByComparingTo(expected.position());
            assertThat(row.get("averageCost").decimalValue())
                    .isEqualByComparingTo(BigDecimal.valueOf(expected.averageCost()));
            assertThat(row.get("contract").get("secType").asString()).isEqualTo(expected.secType());
        }
    }

    private void assertPortfolioMatchesBook(String account, JsonNode body) {
        List<PortfolioValue> book = simulator.portfolio(account);
        JsonNode rows = body.get("rows");
        assertThat(rows).hasSize(book.size());
        for (PortfolioValue expected : book) {
            JsonNode row = find(rows, r -> r.get("contract").get("conId").asInt() == expected.conId());
            BigDecimal position = row.get("position").decimalValue();
            BigDecimal price = row.get("marketPrice").decimalValue();
            BigDecimal multiplier = row.get("contract").get("multiplier").decimalValue();
            assertThat(position).isEqualByComparingTo(expected.position());
            assertThat(row.get("averageCost").decimalValue())
                    .isEqualByComparingTo(BigDecimal.valueOf(expected.averageCost()));
            assertThat(price).isEqualByComparingTo(BigDecimal.valueOf(expected.marketPrice()));
            assertThat(row.get("marketValue").decimalValue())
                    .as("market value = position x price x multiplier for " + expected.localSymbol())
                    .isEqualByComparingTo(position.multiply(price).multiply(multiplier));
        }
    }

    @Test
    void theClockIsTheHandMovedOne() {
        assertThat(injected).isSameAs(clock);
    }

    @Test
    void positionsOfBothAccountsMatchTheSimulatorsBook() {
        HttpResponse<String> response = http.get("/api/v1/positions");
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode body = json(response);
        assertPositionsMatchBook(body);
        assertThat(body.get("stale").asBoolean()).isFalse();
        assertThat(body.get("asOf").asString()).isNotBlank();

        JsonNode second = okJson("/api/v1/positions?account=" + SECOND).get("positions");
        assertThat(second)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("accountId").asString()).isEqualTo(SECOND));
        JsonNode option = find(
                okJson("/api/v1/positions?account=" + FIRST).get("positions"),
                r -> r.get("contract").get("secType").asString().equals("OPT"));
        assertThat(option.get("contract").get("right").asString()).isEqualTo("C");
        assertThat(option.get("contract").get("strike").decimalValue()).isEqualByComparingTo("200");
        assertThat(option.get("contract").get("expiry").asString()).isEqualTo("20261218");
        assertThat(option.get("contract").get("multiplier").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void unchangedPositionsAreNotModifiedAndAChangeAtTwsGetsANewETagAtOnce() {
        HttpResponse<String> first = http.get("/api/v1/positions");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/api/v1/positions").headers().firstValue("ETag")).hasValue(etag);
        assertThat(http.get("/api/v1/positions", "If-None-Match", etag).statusCode())
                .isEqualTo(304);

        Position msft = simulator.positions(FIRST).stream()
                .filter(p -> p.conId() == 272093)
                .findFirst()
                .orElseThrow();
        BigDecimal moved = msft.position().add(BigDecimal.ONE);
        simulator.setPosition(FIRST, 272093, moved, BigDecimal.valueOf(msft.averageCost()));
        try {
            Eventually.await("the moved position served", WAIT, () -> {
                HttpResponse<String> r = http.get("/api/v1/positions", "If-None-Match", etag);
                return r.statusCode() == 200
                        && !r.headers().firstValue("ETag").orElseThrow().equals(etag)
                        && find(
                                                json(r).get("positions"),
                                                p -> p.get("accountId")
                                                                .asString()
                                                                .equals(FIRST)
                                                        && p.get("contract")
                                                                        .get("conId")
                                                                        .asInt()
                                                                == 272093)
                                        .get("position")
                                        .decimalValue()
                                        .compareTo(moved)
                                == 0;
            });
        } finally {
            simulator.setPosition(FIRST, 272093, msft.position(), BigDecimal.valueOf(msft.averageCost()));
        }
    }

    @Test
    void portfolioOfBothAccountsMatchesTheBookWithOneAccountUpdatesStreamAtATime() {
        for (String account : List.of(FIRST, SECOND)) {
            JsonNode body = livePortfolio(account);
            assertPortfolioMatchesBook(account, body);
            assertThat(body.get("totals").get(0).get("currency").asString()).isEqualTo("USD");
        }
        // TWS's rule: one account at a time. Moving to another account unsubscribes the previous one first.
        List<ReqAccountUpdates> sent = simulator.received(ReqAccountUpdates.class);
        for (int i = 1; i < sent.size(); i++) {
            if (sent.get(i).subscribe() && sent.get(i - 1).subscribe()) {
                assertThat(sent.get(i).account())
                        .as("re-sent after a reconnect, same account")
                        .isEqualTo(sent.get(i - 1).account());
            }
        }
        // the account the stream left keeps its rows, flagged stale
        JsonNode first = okJson("/api/v1/accounts/" + FIRST + "/portfolio");
        JsonNode second = okJson("/api/v1/accounts/" + SECOND + "/portfolio");
        assertThat(first.get("stale").asBoolean() ^ second.get("stale").asBoolean())
                .as("exactly one account is streaming")
                .isTrue();
    }

    @Test
    void aPriceMoveShowsUpInThePortfolioWithANewerAsOf() {
        String account = FIRST;
        JsonNode before = livePortfolio(account);
        BigDecimal priceBefore = find(
                        before.get("rows"), r -> r.get("contract").get("conId").asInt() == 265598)
                .get("marketPrice")
                .decimalValue();
        Instant asOfBefore = Instant.parse(before.get("asOf").asString());

        clock.advance(Duration.ofSeconds(5));
        simulator.publishMarketMoves();

        AtomicReference<JsonNode> after = new AtomicReference<>();
        Eventually.await("moved price", WAIT, () -> {
            after.set(okJson("/api/v1/accounts/" + account + "/portfolio"));
            BigDecimal price = find(
                            after.get().get("rows"),
                            r -> r.get("contract").get("conId").asInt() == 265598)
                    .get("marketPrice")
                    .decimalValue();
            return price.compareTo(priceBefore) != 0;
        });
        assertThat(Instant.parse(after.get().get("asOf").asString())).isAfter(asOfBefore);
        Eventually.await("every row moved", WAIT, () -> {
            try {
                assertPortfolioMatchesBook(account, okJson("/api/v1/accounts/" + account + "/portfolio"));
                return true;
            } catch (AssertionError e) {
                return false;
            }
        });
    }

    @Test
    void afterDisconnectTheSnapshotIsServedStaleThenResyncedWithoutOldRows() {
        livePortfolio(FIRST);
        simulator.refuseConnections(Duration.ofHours(1)); // on the hand-moved clock: until cleared
        simulator.dropAllClients();
        Eventually.await("disconnected", WAIT, () -> !connection.state().isUsable());

        JsonNode stale = okJson("/api/v1/positions");
        assertThat(stale.get("stale").asBoolean()).isTrue();
        assertThat(okJson("/api/v1/accounts/" + FIRST + "/portfolio")
                        .get("stale")
                        .asBoolean())
                .isTrue();
        assertThat(okJson("/api/v1/accounts/" + FIRST + "/summary").get("stale").asBoolean())
                .isTrue();

        // the book changes while the gateway is away: a closed position and a changed one
        simulator.setPosition(SECOND, 265598, BigDecimal.ZERO, BigDecimal.ZERO);
        simulator.setPosition(FIRST, 272093, new BigDecimal("75"), new BigDecimal("390.00"));
        simulator.clearFaults();
        awaitReady();

        JsonNode fresh = okJson("/api/v1/positions");
        assertThat(fresh.get("resyncing").asBoolean()).isFalse();
        assertPositionsMatchBook(fresh);
        assertThat(fresh.get("positions"))
                .noneSatisfy(r -> assertThat(r.get("accountId").asString() + ":"
                                + r.get("contract").get("conId").asInt())
                        .isEqualTo(SECOND + ":265598"));
        String streaming = isLive(FIRST) ? FIRST : SECOND;
        assertPortfolioMatchesBook(streaming, livePortfolio(streaming));
    }

    private boolean isLive(String account) {
        HttpResponse<String> r = http.get("/api/v1/accounts/" + account + "/portfolio");
        return r.statusCode() == 200 && !json(r).get("stale").asBoolean();
    }

    @Test
    void withTheSimulatorBlackHoledPositionsAreStillAnsweredFromMemoryFlaggedStale() {
        simulator.blackhole(Duration.ofHours(1));
        long start = System.nanoTime();
        HttpResponse<String> whileHung = http.get("/api/v1/positions");
        assertThat(whileHung.statusCode()).isEqualTo(200);
        // answered from memory, not from the hung TWS (which never answers): 2 s leaves room for a loaded 2-core
        // machine, where 250 ms failed at a load of 30
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(FROM_MEMORY_MS);

        // idle-timeout (30 s) passes: a heartbeat goes out, is never answered, and the connection is dropped
        clock.advance(Duration.ofSeconds(31));
        Eventually.await("heartbeat sent", WAIT, () -> connection.pendingRequests() > 0);
        clock.advance(Duration.ofSeconds(11));
        Eventually.await(
                "hung connection dropped", WAIT, () -> !connection.state().isUsable());

        start = System.nanoTime();
        HttpResponse<String> dropped = http.get("/api/v1/positions");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(dropped.statusCode()).isEqualTo(200);
        assertThat(json(dropped).get("stale").asBoolean()).isTrue();
        assertPositionsMatchBook(json(dropped));
        assertThat(millis).as("answered from memory").isLessThan(FROM_MEMORY_MS);
    }

    @Test
    void summaryHasEveryValueWithCurrencyAndAccountsShowTheBaseCurrency() {
        JsonNode summary = okJson("/api/v1/accounts/" + FIRST + "/summary");
        for (String field : List.of(
                "netLiquidation",
                "totalCash",
                "buyingPower",
                "availableFunds",
                "excessLiquidity",
                "grossPositionValue",
                "maintenanceMargin",
                "initialMargin")) {
            assertThat(summary.get(field).get("amount").decimalValue())
                    .as(field)
                    .isNotNull();
            assertThat(summary.get(field).get("currency").asString()).as(field).isEqualTo("USD");
        }
        assertThat(summary.get("baseCurrency").asString()).isEqualTo("USD");
        assertThat(summary.get("stale").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/accounts").body()).contains("\"baseCurrency\":\"USD\"");
    }

    @Test
    void badInputIsADocumented4xxWithAStableProblemType() {
        String invalid = "urn:trader-gateway:problem:invalid-account-id";
        String unknown = "urn:trader-gateway:problem:unknown-account";
        String[][] table = {
            {"/api/v1/accounts/du-1/summary", "400", invalid},
            {"/api/v1/accounts/1234567/portfolio", "400", invalid},
            {"/api/v1/accounts/" + "A".repeat(33) + "/summary", "400", invalid},
            {"/api/v1/positions?account=DU1%27%3B", "400", invalid},
            {"/api/v1/positions?account=", "400", invalid},
            {"/api/v1/accounts/DU9999999/summary", "404", unknown},
            {"/api/v1/accounts/DU9999999/portfolio", "404", unknown},
            {"/api/v1/positions?account=DU9999999", "404", unknown},
        };
        for (String[] row : table) {
            HttpResponse<String> response = http.get(row[0]);
            assertThat(response.statusCode()).as(row[0]).isEqualTo(Integer.parseInt(row[1]));
            assertThat(response.headers().firstValue("Content-Type")).as(row[0]).hasValue("application/problem+json");
            assertThat(response.body()).as(row[0]).contains(row[2]).doesNotContain("Exception");
        }
    }

    @Test
    void theStreamsSurviveALifecycleStopAndStartAsInAPausedTestContext() {
        streams.stop();
        assertThat(streams.isRunning()).isFalse();
        streams.start();
        assertThat(streams.isRunning()).isTrue();
        awaitReady();
        assertPositionsMatchBook(okJson("/api/v1/positions"));
        String account = isLive(FIRST) ? FIRST : SECOND;
        assertPortfolioMatchesBook(account, livePortfolio(account));
    }
}
