package io.tradergateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.SimOrders;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.Contract;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.Order;
import io.tradergateway.tws.wire.OrderStatus;
import io.tradergateway.tws.wire.PlaceOrder;
import io.tradergateway.tws.wire.ReqIds;
import io.tradergateway.tws.wire.ServerVersions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
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
 * Orders through the REST API, the real client and real sockets to the simulator's order desk: every order type,
 * bracket, modify, cancel, partial fills, what-if, the guards and limits, IB's error codes, idempotency and a socket
 * lost between placeOrder and its acknowledgement. Fills move with the hand-moved clock, never with sleeping.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.trading.enabled=true",
            "gateway.trading.max-quantity=5000",
            "gateway.trading.max-notional=2000000",
            "gateway.trading.ack-timeout=30s", // on the hand-moved clock: longer than any wait of these tests
            "gateway.tws.reconnect-initial-delay=20ms",
            "gateway.tws.reconnect-max-delay=100ms",
            "gateway.tws.housekeeping-interval=20ms"
        })
@ActiveProfiles("sim")
class OrdersIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-12-02T15:00:02Z"));
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
    OrderService orderService;

    private OrderApi api;

    @BeforeEach
    void ready() {
        api = new OrderApi(port);
        Eventually.await("READY", WAIT, () -> connection.state() == ConnectionState.READY);
        // the notional limit of a market or stop order needs the last known price: the portfolio valuation
        Eventually.await(
                "portfolio valued",
                WAIT,
                () -> api.get("/api/v1/accounts/DU1111111/portfolio").status() == 200);
    }

    private long sentWithRef(String key) {
        return simulator.received(PlaceOrder.class).stream()
                .filter(p -> p.order().orderRef().equals(key))
                .count();
    }

    private OrderApi.Answer awaitStatus(int id, String status) {
        Eventually.await("order " + id + " " + status, WAIT, () -> {
            simulator.publishMarketMoves();
            return status.equals(
                    api.get("/api/v1/orders/" + id).body().path("status").asText());
        });
        return api.get("/api/v1/orders/" + id);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameOrderAndADifferentBodyIsAConflict() {
        String body = OrderApi.order("\"action\":\"BUY\",\"quantity\":10,\"orderType\":\"LMT\",\"limitPrice\":100");
        OrderApi.Answer first = api.place("same-1", body);
        OrderApi.Answer again = api.place("same-1", body);
        OrderApi.Answer other = api.place("same-1", body.replace("100", "101"));

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().path("status").asText()).isIn("PreSubmitted", "Submitted");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asInt())
                .isEqualTo(first.body().path("id").asInt());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("type").asText()).endsWith("idempotency-key-conflict");
        assertThat(sentWithRef("same-1")).isEqualTo(1);
    }

    @Test
    void theSameKeySentConcurrentlyPlacesExactlyOneOrder() throws Exception {
        String body = OrderApi.order("\"action\":\"BUY\",\"quantity\":3,\"orderType\":\"LMT\",\"limitPrice\":100");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<OrderApi.Answer>> answers = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.place("race-1", body), pool))
                    .toList();
            List<OrderApi.Answer> all =
                    answers.stream().map(CompletableFuture::join).toList();
            assertThat(all).extracting(OrderApi.Answer::status).allMatch(s -> s == 200 || s == 201);
            assertThat(all)
                    .extracting(a -> a.body().path("id").asInt())
                    .containsOnly(all.get(0).body().path("id").asInt());
        } finally {
            pool.shutdownNow();
        }
        assertThat(sentWithRef("race-1")).isEqualTo(1);
    }

    @Test
    void aMarketOrderFillsInPartsAndItsExecutionsCarryTheirCommission() {
        OrderApi.Answer placed =
                api.place("mkt-big", OrderApi.order("\"action\":\"BUY\",\"quantity\":1200,\"orderType\":\"MKT\""));
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        int id = placed.body().path("id").asInt();
        Eventually.await(
                "first part",
                WAIT,
                () -> api.get("/api/v1/orders/" + id).body().path("filled").asInt() == 500);
        clock.advance(Duration.ofSeconds(5));
        simulator.publishMarketMoves();
        Eventually.await(
                "second part",
                WAIT,
                () -> api.get("/api/v1/orders/" + id).body().path("filled").asInt() == 1000);
        clock.advance(Duration.ofSeconds(5));
        OrderApi.Answer filled = awaitStatus(id, "Filled");
        assertThat(filled.body().path("remaining").asInt()).isZero();

        OrderApi.Answer executions = api.get("/api/v1/executions?account=DU1111111&symbol=AAPL");
        assertThat(executions.status()).isEqualTo(200);
        List<tools.jackson.databind.JsonNode> mine = executions
                .body()
                .path("executions")
                .valueStream()
                .filter(e -> e.path("orderId").asInt() == id)
                .toList();
        assertThat(mine).hasSize(3);
        assertThat(mine).allMatch(e -> e.path("commission").asDouble() >= 1.0);
    }

    @ParameterizedTest
    @CsvSource({
        "STP,      '\"auxPrice\":300',                   GTC",
        "STP LMT,  '\"auxPrice\":300,\"limitPrice\":301', DAY",
        "TRAIL,    '\"auxPrice\":2',                     GTC",
        "TRAIL,    '\"trailingPercent\":1.5',            DAY",
        "MOC,      '\"outsideRth\":false',               DAY",
        "LOC,      '\"limitPrice\":100',                 DAY",
        "LMT,      '\"limitPrice\":100',                 OPG",
        "LMT,      '\"limitPrice\":100',                 IOC",
        "LMT,      '\"limitPrice\":100,\"goodTillDate\":\"20261231 16:00:00 US/Eastern\"', GTD"
    })
    void everyOrderTypeAndTimeInForceReachesTwsAsGiven(String type, String prices, String tif) {
        String key = "type-" + type.replace(' ', '_') + "-" + tif + "-" + Math.abs(prices.hashCode());
        OrderApi.Answer placed = api.place(
                key,
                OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"" + type + "\",\"tif\":\"" + tif
                        + "\"," + prices));

        assertThat(placed.status()).as(placed.text()).isIn(201, 202);
        PlaceOrder sent = simulator.received(PlaceOrder.class).stream()
                .filter(p -> p.order().orderRef().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(sent.order().orderType()).isEqualTo(type);
        assertThat(sent.order().tif()).isEqualTo(tif);
    }

    @Test
    void aBracketGoesOutAsParentAndTwoChildrenInOneOcaGroupTransmittedWithTheLast() {
        OrderApi.Answer placed = api.place(
                "bracket-1",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":5,"
                        + "\"orderType\":\"LMT\",\"limitPrice\":100,\"bracket\":{\"takeProfitLimitPrice\":250,"
                        + "\"stopLossPrice\":90}"));

        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        int parent = placed.body().path("id").asInt();
        assertThat(placed.body().path("children")).hasSize(2);
        List<PlaceOrder> legs = simulator.received(PlaceOrder.class).stream()
                .filter(p -> p.order().orderRef().startsWith("bracket-1"))
                .toList();
        assertThat(legs).extracting(p -> p.order().transmit()).containsExactly(false, false, true);
        assertThat(legs.subList(1, 3)).allMatch(p -> p.order().parentId() == parent);
        assertThat(legs.get(1).order().ocaGroup())
                .isNotEmpty()
                .isEqualTo(legs.get(2).order().ocaGroup());
    }

    @Test
    void aWorkingOrderIsModifiedThenCancelledAndCannotBeCancelledTwice() {
        int id = api.place(
                        "mod-1",
                        OrderApi.order("\"action\":\"BUY\",\"quantity\":10,\"orderType\":\"LMT\",\"limitPrice\":100"))
                .body()
                .path("id")
                .asInt();

        OrderApi.Answer changed = api.send("PATCH", "/api/v1/orders/" + id, "{\"limitPrice\":101.5,\"quantity\":12}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().path("limitPrice").asDouble()).isEqualTo(101.5);
        PlaceOrder last = simulator.received(PlaceOrder.class).stream()
                .filter(p -> p.orderId() == id)
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(last.order().lmtPrice()).isEqualTo(101.5);
        assertThat(last.order().totalQuantity()).isEqualByComparingTo("12");

        OrderApi.Answer cancelled = api.send("DELETE", "/api/v1/orders/" + id, null);
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("Cancelled");
        OrderApi.Answer twice = api.send("DELETE", "/api/v1/orders/" + id, null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("ibCode").asInt()).isEqualTo(10148);
        assertThat(api.send("PATCH", "/api/v1/orders/" + id, "{\"limitPrice\":99}")
                        .status())
                .isEqualTo(409);
        assertThat(api.send("DELETE", "/api/v1/orders/999999", null).status()).isEqualTo(404);
    }

    @Test
    void anOrderThatFillsWhilePendingCancelIsReportedFilled() {
        int id = api.place(
                        "pc-1",
                        OrderApi.order("\"action\":\"BUY\",\"quantity\":4,\"orderType\":\"LMT\",\"limitPrice\":100"))
                .body()
                .path("id")
                .asInt();
        simulator.orders().faults().fillOnNextCancel();

        OrderApi.Answer answer = api.send("DELETE", "/api/v1/orders/" + id, null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().path("status").asText()).isEqualTo("Filled");
        assertThat(answer.body().path("filled").asInt()).isEqualTo(4);
    }

    @Test
    void whatIfAnswersCommissionAndMarginAndPlacesNothing() {
        int before = simulator.orders().orders().size();
        OrderApi.Answer preview = api.send(
                "POST",
                "/api/v1/orders/preview",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":100,\"orderType\":\"LMT\",\"limitPrice\":190"));

        assertThat(preview.status()).as(preview.text()).isEqualTo(200);
        assertThat(preview.body().path("commission").asDouble()).isEqualTo(1.0);
        assertThat(preview.body().path("initMarginChange").asDouble()).isPositive();
        assertThat(simulator.orders().orders()).hasSize(before);
    }

    @Test
    void twsRefusalsMapToProblemsWithIbsCode() {
        OrderApi.Answer offTick = api.place(
                "err-110",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100.005"));
        assertThat(offTick.status()).isEqualTo(422);
        assertThat(offTick.body().path("ibCode").asInt()).isEqualTo(110);

        simulator
                .orders()
                .faults()
                .rejectNext(201, "Order rejected - reason:The account has no trading permissions for this product");
        OrderApi.Answer permission = api.place(
                "err-201p",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100"));
        assertThat(permission.status()).isEqualTo(403);
        assertThat(permission.body().path("type").asText()).endsWith("no-trading-permission");

        simulator.orders().faults().rejectNext(201, "Order rejected - reason:Exceeds available funds");
        OrderApi.Answer rejected = api.place(
                "err-201",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100"));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().path("type").asText()).endsWith("order-rejected");
        assertThat(api.place(
                                "err-201",
                                OrderApi.order(
                                        "\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100"))
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("Rejected"); // the retry answers the journaled order, nothing sent again
        assertThat(sentWithRef("err-201")).isEqualTo(1);

        OrderApi.Answer unknown = api.place(
                "err-200",
                "{\"account\":\"DU1111111\",\"symbol\":\"NOPE\",\"action\":\"BUY\","
                        + "\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":1}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("ibCode").asInt()).isEqualTo(200);
    }

    @Test
    void guardsAndLimitsRefuseBeforeAnythingReachesTws() {
        int sent = simulator.received(PlaceOrder.class).size();
        assertThat(api.place(null, OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"MKT\""))
                        .status())
                .isEqualTo(400); // no key
        OrderApi.Answer live = api.place(
                "g-live",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"MKT\"")
                        .replace("DU1111111", "U7654321"));
        assertThat(live.status()).isEqualTo(403);
        assertThat(live.body().path("type").asText()).endsWith("live-account-refused");
        OrderApi.Answer tooMany = api.place(
                "g-qty", OrderApi.order("\"action\":\"BUY\",\"quantity\":5001,\"orderType\":\"LMT\",\"limitPrice\":1"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().path("limit").asText()).isEqualTo("max-quantity");
        OrderApi.Answer notional = api.place(
                "g-notional",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":5000,\"orderType\":\"LMT\",\"limitPrice\":500"));
        assertThat(notional.body().path("limit").asText()).isEqualTo("max-notional");
        OrderApi.Answer noPrice = api.place(
                "g-noprice",
                "{\"account\":\"DU1111111\",\"symbol\":\"MSFT\",\"action\":\"BUY\","
                        + "\"quantity\":1,\"orderType\":\"MKT\"}");
        assertThat(noPrice.status()).isEqualTo(422);
        assertThat(noPrice.body().path("detail").asText()).contains("No known price");
        OrderApi.Answer badType =
                api.place("g-type", OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"PEG\""));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(api.send("DELETE", "/api/v1/orders", null).status()).isEqualTo(400); // no confirmation
        assertThat(simulator.received(PlaceOrder.class)).hasSize(sent);
    }

    @Test
    void aSocketLostAfterPlaceOrderBeforeTheAckIsUnknownThenReconciledAndTheRetryAnswersIt() {
        String body = OrderApi.order("\"action\":\"BUY\",\"quantity\":2,\"orderType\":\"LMT\",\"limitPrice\":100");
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        orderService.addListener(new OrderEvents() {
            @Override
            public void onOrder(OrderView order) {
                if (order.idempotencyKey().equals("drop-1")) {
                    events.add(order.status());
                }
            }
        });
        simulator.orders().faults().dropNext(SimOrders.Drop.BEFORE_ACK);

        OrderApi.Answer first = api.place("drop-1", body);

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(first.body().path("status").asText()).isEqualTo("UNKNOWN");
        int id = first.body().path("id").asInt();
        awaitStatus(id, "Submitted");
        OrderApi.Answer retry = api.place("drop-1", body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("id").asInt()).isEqualTo(id);
        assertThat(retry.body().path("status").asText()).isEqualTo("Submitted");
        assertThat(sentWithRef("drop-1")).isEqualTo(1);
        assertThat(simulator.orders().orders())
                .filteredOn(o -> o.order().orderRef().equals("drop-1"))
                .hasSize(1);
        assertThat(events).containsOnlyOnce("UNKNOWN", "Submitted"); // reported once each, through OrderEvents
    }

    @Test
    void aSocketLostAfterTheAckKeepsTheOrderAndItsFillIsReportedAfterReconnect() {
        simulator.orders().faults().dropNext(SimOrders.Drop.AFTER_ACK);
        OrderApi.Answer first =
                api.place("drop-2", OrderApi.order("\"action\":\"BUY\",\"quantity\":2,\"orderType\":\"MKT\""));
        assertThat(first.status()).as(first.text()).isIn(201, 202);
        int id = first.body().path("id").asInt();

        awaitStatus(id, "Filled");
        OrderApi.Answer retry =
                api.place("drop-2", OrderApi.order("\"action\":\"BUY\",\"quantity\":2,\"orderType\":\"MKT\""));
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(retry.body().path("id").asInt()).isEqualTo(id);
        assertThat(retry.body().path("status").asText()).isEqualTo("Filled");
        assertThat(sentWithRef("drop-2")).isEqualTo(1);
        assertThat(simulator.orders().orders())
                .filteredOn(o -> o.order().orderRef().equals("drop-2"))
                .hasSize(1);
        Eventually.await(
                "the fill",
                WAIT,
                () -> api.get("/api/v1/executions")
                        .body()
                        .path("executions")
                        .valueStream()
                        .anyMatch(e -> e.path("orderId").asInt() == id));
    }

    @Test
    void aCorrectedExecutionReplacesTheOneItCorrects() {
        int id = api.place("corr-1", OrderApi.order("\"action\":\"SELL\",\"quantity\":3,\"orderType\":\"MKT\""))
                .body()
                .path("id")
                .asInt();
        awaitStatus(id, "Filled");
        simulator.orders().correctLastExecution(150.00);

        Eventually.await(
                "the correction",
                WAIT,
                () -> api.get("/api/v1/executions")
                        .body()
                        .path("executions")
                        .valueStream()
                        .anyMatch(e -> e.path("orderId").asInt() == id
                                && e.path("price").asDouble() == 150.0));
        assertThat(api.get("/api/v1/executions")
                        .body()
                        .path("executions")
                        .valueStream()
                        .filter(e -> e.path("orderId").asInt() == id))
                .hasSize(1);
    }

    @Test
    void oneHundredOrdersAsFastAsClientsSendThemAreAllAcknowledgedUnderTheRateLimit() {
        int before = simulator.received(PlaceOrder.class).size();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<OrderApi.Answer>> answers = IntStream.range(0, 100)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> api.place(
                                    "burst-" + i,
                                    OrderApi.order(
                                            "\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100")),
                            pool))
                    .toList();
            // 201: each acknowledged by TWS (the ack wait runs on the hand-moved clock, so none timed out as 202)
            assertThat(answers.stream().map(CompletableFuture::join))
                    .extracting(OrderApi.Answer::status)
                    .containsOnly(201);
        } finally {
            pool.shutdownNow();
        }
        Eventually.await(
                "all at TWS", WAIT, () -> simulator.received(PlaceOrder.class).size() == before + 100);
        assertThat(simulator.rateViolations()).isZero(); // never more than 50 messages in any second (error 100)
        assertThat(simulator.orders().orders())
                .filteredOn(o -> o.order().orderRef().startsWith("burst-"))
                .hasSize(100); // none lost, none doubled
        assertThat(api.get("/api/v1/orders")
                        .body()
                        .path("orders")
                        .valueStream()
                        .filter(o -> o.path("idempotencyKey").asText().startsWith("burst-")))
                .hasSize(100);
    }

    private static String limitOrder(String price) {
        return OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":" + price);
    }

    private static void assertProblem(OrderApi.Answer answer, int status, String type, int ibCode) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.body().path("type").asText()).isEqualTo("urn:trader-gateway:problem:" + type);
        assertThat(answer.body().path("ibCode").asInt()).isEqualTo(ibCode);
        assertThat(answer.body().path("detail").asText()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        "201, 'Order rejected - reason:Exceeds available funds', 422, order-rejected",
        "201, 'Order rejected - reason:No trading permissions for this product', 403, no-trading-permission",
        "202, 'Order Canceled - reason:Outside of regular trading hours', 422, order-cancelled",
        "103, 'Duplicate order id', 409, duplicate-order-id"
    })
    void aPlacementTwsRefusesAnswersItsProblemTypeWithIbsCode(int code, String text, int status, String type) {
        String key = "refused-" + code + "-" + status;
        simulator.orders().faults().rejectNext(code, text);

        OrderApi.Answer refused = api.place(key, limitOrder("100"));

        assertProblem(refused, status, type, code);
        assertThat(refused.body().path("detail").asText()).isEqualTo(text); // IB's reason, as TWS gave it
        assertThat(sentWithRef(key)).isEqualTo(1);
    }

    /**
     * 103: the id was used already under this client id (another application, ids TWS kept that the gateway did not
     * know of). The refusal is answered as before, but first the gateway asks TWS for its next valid id (reqIds), so
     * the next order does not collide again: without that it would take the next id, also taken.
     */
    @Test
    void anOrderIdTwsSaysIsTakenIs409AndTheNextOrderGetsAnIdPastTheTakenOnes() {
        int reqIds = simulator.received(ReqIds.class).size();
        simulator.orders().faults().idsTakenElsewhere(5);

        OrderApi.Answer refused = api.place("taken-1", limitOrder("100"));

        assertProblem(refused, 409, "duplicate-order-id", 103);
        assertThat(simulator.received(ReqIds.class)).hasSize(reqIds + 1);
        int refusedId = simulator.received(PlaceOrder.class).stream()
                .filter(p -> p.order().orderRef().equals("taken-1"))
                .findFirst()
                .orElseThrow()
                .orderId();
        OrderApi.Answer next = api.place("taken-2", limitOrder("100"));
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        assertThat(next.body().path("id").asInt()).as("past the five taken ids").isGreaterThan(refusedId + 4);
    }

    /** An order given by conId alone answers the contract's symbol, from the contract TWS's openOrder names. */
    @Test
    void anOrderPlacedByConIdAloneAnswersItsSymbol() {
        OrderApi.Answer placed = api.place("by-conid-1", limitOrder("100"));

        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.body().path("conId").asInt()).isEqualTo(265598);
        assertThat(placed.body().path("symbol").asText()).isEqualTo("AAPL");
        int id = placed.body().path("id").asInt();
        assertThat(api.get("/api/v1/orders/" + id).body().path("symbol").asText())
                .isEqualTo("AAPL");
        OrderApi.Answer changed = api.send("PATCH", "/api/v1/orders/" + id, "{\"limitPrice\":101}");
        assertThat(changed.status()).as("modified with the contract TWS named").isEqualTo(200);
        assertThat(changed.body().path("symbol").asText()).isEqualTo("AAPL");
    }

    @Test
    void aPriceOffTheTickGridIsRefusedByTwsWith110() {
        assertProblem(api.place("refused-110", limitOrder("100.005")), 422, "order-rejected", 110);
    }

    @Test
    void modifyingAnOrderTwsHasFilledIs409With104() {
        int id = api.place("refused-104", limitOrder("100")).body().path("id").asInt();
        simulator.orders().faults().rejectNext(104, "Cannot modify a filled order.");

        OrderApi.Answer changed = api.send("PATCH", "/api/v1/orders/" + id, "{\"limitPrice\":101}");

        assertProblem(changed, 409, "order-not-cancellable", 104);
    }

    @Test
    void cancellingAnOrderTwsDoesNotKnowIs404With10147AndAFilledOne409With10148() {
        int working =
                api.place("refused-10147", limitOrder("100")).body().path("id").asInt();
        simulator
                .orders()
                .faults()
                .rejectNextCancel(10147, "OrderId " + working + " that needs to be cancelled is not found.");
        assertProblem(api.send("DELETE", "/api/v1/orders/" + working, null), 404, "order-not-found", 10147);

        int filled = api.place(
                        "refused-10148", OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"MKT\""))
                .body()
                .path("id")
                .asInt();
        awaitStatus(filled, "Filled");
        assertProblem(api.send("DELETE", "/api/v1/orders/" + filled, null), 409, "order-not-cancellable", 10148);
    }

    @Test
    void anOrderOfAnotherApiClientIsFoundById() throws Exception {
        try (RawTwsClient other = new RawTwsClient(simulator.host(), simulator.port())) {
            other.handshake(ServerVersions.MIN_SUPPORTED, ServerVersions.MAX_SUPPORTED);
            other.startApi(77);
            other.next(NextValidId.class);
            Contract aapl = new Contract(265598, "", "", "", Order.UNSET, "", "", "SMART", "", "", "", "");
            other.send(new PlaceOrder(
                    900_001,
                    aapl,
                    Order.of("SELL", new BigDecimal("3"), "LMT")
                            .withPrices(400, Order.UNSET)
                            .withRouting("DU1111111", "someone-else", "GTC", "", false)));
            other.next(OrderStatus.class);

            OrderApi.Answer found = api.get("/api/v1/orders/900001");

            assertThat(found.status()).as(found.text()).isEqualTo(200);
            assertThat(found.body().path("idempotencyKey").asText()).isEqualTo("someone-else");
            assertThat(found.body().path("action").asText()).isEqualTo("SELL");
            assertThat(found.body().path("status").asText()).isEqualTo("Submitted");
            assertThat(api.get("/api/v1/orders/899999").status()).isEqualTo(404);
        }
    }

    @Test
    void thePostWaitsForTheAckOnTheInjectedClockThenAnswers202AndTheLateAckStillCounts() throws Exception {
        simulator.orders().faults().delayNextAck(Duration.ofSeconds(60));
        int before = simulator.received(PlaceOrder.class).size();
        CompletableFuture<OrderApi.Answer> post =
                CompletableFuture.supplyAsync(() -> api.place("late-ack", limitOrder("100")));
        Eventually.await(
                "at TWS", WAIT, () -> simulator.received(PlaceOrder.class).size() > before);
        assertThat(post).isNotDone(); // TWS has it, no ack yet, and the clock has not moved

        clock.advance(Duration.ofSeconds(31)); // past gateway.trading.ack-timeout on the injected clock
        OrderApi.Answer answer = post.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        assertThat(answer.body().path("status").asText()).isEqualTo("PendingSubmit");
        clock.advance(Duration.ofSeconds(30)); // TWS's late acknowledgement
        awaitStatus(answer.body().path("id").asInt(), "Submitted");
        assertThat(sentWithRef("late-ack")).isEqualTo(1);
    }

    private static BigDecimal amount(OrderApi.Answer summary, String field) {
        return new BigDecimal(summary.body().path(field).path("amount").asText()).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal position(String account, int conId) {
        return api.get("/api/v1/positions?account=" + account)
                .body()
                .path("positions")
                .valueStream()
                .filter(p -> p.path("contract").path("conId").asInt() == conId)
                .map(p -> new BigDecimal(p.path("position").asText()))
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    @Test
    void aFillMovesThePositionAndTheCashSoAccountDataStaysConsistentWithIt() {
        String account = "DU2222222"; // no other test trades in it
        Eventually.await(
                "summary",
                WAIT,
                () -> api.get("/api/v1/accounts/" + account + "/summary").status() == 200);
        OrderApi.Answer before = api.get("/api/v1/accounts/" + account + "/summary");
        BigDecimal held = position(account, 265598);

        int id = api.place(
                        "cash-1",
                        OrderApi.order("\"action\":\"BUY\",\"quantity\":10,\"orderType\":\"MKT\"")
                                .replace("DU1111111", account))
                .body()
                .path("id")
                .asInt();
        awaitStatus(id, "Filled");
        tools.jackson.databind.JsonNode fill = api.get("/api/v1/executions?account=" + account)
                .body()
                .path("executions")
                .valueStream()
                .filter(e -> e.path("orderId").asInt() == id)
                .findFirst()
                .orElseThrow();
        BigDecimal price = new BigDecimal(fill.path("price").asText());
        BigDecimal commission = new BigDecimal(fill.path("commission").asText());
        BigDecimal paid = price.multiply(BigDecimal.TEN);
        BigDecimal cash = amount(before, "totalCash").subtract(paid).subtract(commission);

        Eventually.await(
                "cash moved",
                WAIT,
                () -> amount(api.get("/api/v1/accounts/" + account + "/summary"), "totalCash")
                                .compareTo(cash.setScale(2, RoundingMode.HALF_UP))
                        == 0);
        OrderApi.Answer after = api.get("/api/v1/accounts/" + account + "/summary");
        BigDecimal net = amount(before, "netLiquidation").subtract(commission);
        BigDecimal gross = amount(before, "grossPositionValue").add(paid).setScale(2, RoundingMode.HALF_UP);
        BigDecimal initial = gross.multiply(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_UP);
        assertThat(amount(after, "netLiquidation")).isEqualByComparingTo(net); // a fill at market costs the commission
        assertThat(amount(after, "grossPositionValue")).isEqualByComparingTo(gross);
        assertThat(amount(after, "initialMargin")).isEqualByComparingTo(initial);
        assertThat(amount(after, "availableFunds")).isEqualByComparingTo(net.subtract(initial));
        Eventually.await(
                "position moved", WAIT, () -> position(account, 265598).compareTo(held.add(BigDecimal.TEN)) == 0);
    }
}
