package io.tradergateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.GatewayApplication;
import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.StoreTestBase;
import io.tradergateway.support.TestDatabase;
import io.tradergateway.tws.wire.PlaceOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway restart between a placement and its retry: the same TWS (a simulator that outlives both gateways) and
 * the same embedded store. The retry answers the journaled order and TWS still has exactly one; new orders take
 * ids above every id used before. Run on the embedded store ({@link OrderRestartH2Test}) and on PostgreSQL ({@link
 * OrderRestartPostgresTest}), each a fresh database from {@link StoreTestBase}.
 */
abstract class OrderRestartTests extends StoreTestBase {

    private TwsSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private ConfigurableApplicationContext gateway(TestDatabase db) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--gateway.ib-status.enabled=false",
                "--gateway.trading.enabled=true",
                "--gateway.tws.host=" + simulator.host(),
                "--gateway.tws.port=" + simulator.port(),
                "--gateway.tws.reconnect-initial-delay=20ms"));
        db.springProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    private static OrderApi api(ConfigurableApplicationContext context) {
        return new OrderApi(
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static OrderApi.Answer placeWhenReady(OrderApi api, String key, String body) {
        OrderApi.Answer[] last = new OrderApi.Answer[1];
        Eventually.await("placed", Duration.ofSeconds(15), () -> {
            last[0] = api.place(key, body);
            return last[0].status() != 503;
        });
        return last[0];
    }

    @Test
    void aRetryAfterARestartAnswersTheJournaledOrderAndIdsAreNeverReused() throws Exception {
        simulator = new TwsSimulator(SimulatorSettings.defaults(), Clock.systemUTC()).start();
        String body = OrderApi.order("\"action\":\"BUY\",\"quantity\":2,\"orderType\":\"LMT\",\"limitPrice\":100");

        int id;
        try (ConfigurableApplicationContext first = gateway(db)) {
            OrderApi.Answer placed = placeWhenReady(api(first), "restart-1", body);
            assertThat(placed.status()).as(placed.text()).isEqualTo(201);
            id = placed.body().path("id").asInt();
        }
        try (ConfigurableApplicationContext second = gateway(db)) {
            OrderApi api = api(second);
            OrderApi.Answer retry = placeWhenReady(api, "restart-1", body);
            assertThat(retry.status()).as(retry.text()).isEqualTo(200);
            assertThat(retry.body().path("id").asInt()).isEqualTo(id);
            Eventually.await(
                    "reconciled",
                    Duration.ofSeconds(15),
                    () -> "Submitted"
                            .equals(api.get("/api/v1/orders/" + id)
                                    .body()
                                    .path("status")
                                    .asText()));
            OrderApi.Answer next = api.place("restart-2", body);
            assertThat(next.body().path("id").asInt()).isGreaterThan(id);
        }
        assertThat(simulator.received(PlaceOrder.class).stream()
                        .filter(p -> p.order().orderRef().equals("restart-1")))
                .hasSize(1);
    }
}
