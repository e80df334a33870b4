package io.tradergateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.PlaceOrder;
import io.tradergateway.tws.wire.ReqGlobalCancel;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The configured allow-lists, through the REST API against the simulator: order types and security types outside
 * them are refused with 422 naming the limit before anything reaches TWS (a contract given by conId is judged by
 * the type TWS knows it as), and a live account passes the guard only when live trading is allowed AND it is
 * listed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.trading.enabled=true",
            "gateway.trading.order-types=LMT,MKT",
            "gateway.trading.sec-types=STK,OPT",
            "gateway.trading.allow-live=true",
            "gateway.trading.live-accounts=U7654321"
        })
@ActiveProfiles("sim")
class OrderLimitsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TwsSimulator simulator;

    @Autowired
    TwsConnectionManager connection;

    private OrderApi api;

    @BeforeEach
    void ready() {
        api = new OrderApi(port);
        Eventually.await("READY", Duration.ofSeconds(15), () -> connection.state() == ConnectionState.READY);
    }

    private static void assertLimit(OrderApi.Answer answer, String limit, String named) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.body().path("type").asText()).isEqualTo("urn:trader-gateway:problem:order-limit");
        assertThat(answer.body().path("limit").asText()).isEqualTo(limit);
        assertThat(answer.body().path("detail").asText()).contains(named);
    }

    @Test
    void anOrderTypeOutsideTheAllowListIsRefusedNamingTheLimit() {
        OrderApi.Answer stop = api.place(
                "lim-stp", OrderApi.order("\"action\":\"SELL\",\"quantity\":1,\"orderType\":\"STP\",\"auxPrice\":150"));
        OrderApi.Answer bracket = api.place(
                "lim-bracket",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100,"
                        + "\"bracket\":{\"takeProfitLimitPrice\":250,\"stopLossPrice\":90}"));

        assertLimit(stop, "order-types", "STP");
        assertLimit(bracket, "order-types", "STP"); // the stop-loss leg is a STP order
        assertThat(simulator.received(PlaceOrder.class))
                .noneMatch(p -> p.order().orderRef().startsWith("lim-"));
    }

    @Test
    void aSecurityTypeOutsideTheAllowListIsRefusedNamingTheLimitWhetherByConIdOrDescription() {
        OrderApi.Answer future = api.place(
                "sec-fut-conid",
                "{\"account\":\"DU1111111\",\"conId\":900000001,\"action\":\"BUY\",\"quantity\":1,"
                        + "\"orderType\":\"LMT\",\"limitPrice\":5600}");
        OrderApi.Answer forex = api.place(
                "sec-cash-described",
                "{\"account\":\"DU1111111\",\"symbol\":\"EUR\",\"secType\":\"CASH\",\"exchange\":\"IDEALPRO\","
                        + "\"currency\":\"USD\",\"action\":\"BUY\",\"quantity\":1000,\"orderType\":\"LMT\","
                        + "\"limitPrice\":1.08}");
        OrderApi.Answer stock = api.place(
                "sec-stk",
                OrderApi.order("\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100"));

        assertLimit(future, "sec-types", "FUT");
        assertLimit(forex, "sec-types", "CASH");
        assertThat(stock.status()).as(stock.text()).isEqualTo(201);
        assertThat(simulator.received(PlaceOrder.class))
                .noneMatch(p -> p.order().orderRef().startsWith("sec-fut")
                        || p.order().orderRef().startsWith("sec-cash"));
    }

    @Test
    void aLiveAccountPassesTheGuardOnlyWhenListed() {
        String order = "\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":100";
        OrderApi.Answer unlisted =
                api.place("live-unlisted", OrderApi.order(order).replace("DU1111111", "U1234567"));
        OrderApi.Answer listed = api.place("live-listed", OrderApi.order(order).replace("DU1111111", "U7654321"));

        assertThat(unlisted.status()).isEqualTo(403);
        assertThat(unlisted.body().path("type").asText()).endsWith("live-account-refused");
        // the guard let it through: TWS (the simulator, which manages only paper accounts) judged it
        assertThat(simulator.received(PlaceOrder.class))
                .anyMatch(p -> p.order().orderRef().equals("live-listed"))
                .noneMatch(p -> p.order().orderRef().equals("live-unlisted"));
        assertThat(listed.body().path("ibCode").asInt()).as(listed.text()).isEqualTo(201);
    }

    @Test
    void cancelAllNeedsItsConfirmationThenCancelsEveryWorkingOrderAtTws() {
        String order = "\"action\":\"BUY\",\"quantity\":1,\"orderType\":\"LMT\",\"limitPrice\":";
        int first = api.place("all-1", OrderApi.order(order + "100"))
                .body()
                .path("id")
                .asInt();
        int second = api.place("all-2", OrderApi.order(order + "101"))
                .body()
                .path("id")
                .asInt();

        OrderApi.Answer unconfirmed = api.send("DELETE", "/api/v1/orders?confirm=yes", null);
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body().path("type").asText()).endsWith("confirmation-required");
        assertThat(api.get("/api/v1/orders/" + first).body().path("status").asText())
                .isIn("PreSubmitted", "Submitted");

        OrderApi.Answer all = api.send("DELETE", "/api/v1/orders?confirm=CANCEL_ALL", null);

        assertThat(all.status()).as(all.text()).isEqualTo(202);
        // the simulator records the cancel-all on its own reader thread: the 202 may reach this test first
        Eventually.await(
                "one global cancel at TWS",
                Duration.ofSeconds(15),
                () -> !simulator.received(ReqGlobalCancel.class).isEmpty());
        assertThat(simulator.received(ReqGlobalCancel.class)).hasSize(1);
        for (int id : new int[] {first, second}) {
            Eventually.await(
                    "order " + id + " cancelled",
                    Duration.ofSeconds(15),
                    () -> "Cancelled"
                            .equals(api.get("/api/v1/orders/" + id)
                                    .body()
                                    .path("status")
                                    .asText()));
        }
    }
}
