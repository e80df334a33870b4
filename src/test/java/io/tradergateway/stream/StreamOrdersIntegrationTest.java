package io.tradergateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.SseClient;
import io.tradergateway.support.SseClient.Event;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The {@code orders} and {@code executions} topics over real HTTP, with orders placed through POST /api/v1/orders
 * against the simulator's order desk over real sockets: each topic starts with the snapshot GET /api/v1/orders and
 * GET /api/v1/executions answer, then follows every change of an order's state up to Filled and every fill with its
 * commission. Fills move with the hand-moved clock and the simulator's market moves.
 */
@TestPropertySource(
        properties = {
            "gateway.trading.enabled=true",
            "gateway.trading.max-quantity=5000",
            "gateway.trading.max-notional=2000000"
        })
class StreamOrdersIntegrationTest extends StreamTestBase {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void portfolioValued() {
        // the notional guard of a market order needs the last known price: the portfolio valuation
        Eventually.await(
                "portfolio valued",
                WAIT,
                () -> new Http(port).get("/api/v1/accounts/DU1111111/portfolio").statusCode() == 200);
    }

    private SseClient follow(String topics) {
        SseClient client = stream(topics);
        assertThat(client.status()).as(client.errorBody()).isEqualTo(200);
        return client;
    }

    private JsonNode place(String key, String fields) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"account\":\"DU1111111\",\"conId\":265598," + fields + "}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("POST /api/v1/orders failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = new Http(port).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The first event of each of the topics (each must be its snapshot), skipping nothing. */
    private static Map<String, Event> snapshots(SseClient client, int topics) {
        Map<String, Event> first = new HashMap<>();
        while (first.size() < topics) {
            Event event = client.next(WAIT);
            first.putIfAbsent(data(event).get("topic").asString(), event);
        }
        first.values()
                .forEach(e -> assertThat(data(e).get("snapshot").asBoolean())
                        .as(e.toString())
                        .isTrue());
        return first;
    }

    private static JsonNode withId(JsonNode items, String idField, String id) {
        return items.valueStream()
                .filter(item -> item.path(idField).asString().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + idField + " " + id + " in " + items));
    }

    @Test
    void ordersAndExecutionsStartWithTheirSnapshotThenFollowEveryStateChangeAndFill() {
        int working = place(
                        "sse-working-1", "\"action\":\"BUY\",\"quantity\":5,\"orderType\":\"LMT\",\"limitPrice\":100")
                .path("id")
                .asInt();
        // the POST answers on TWS's first acknowledgement (PreSubmitted, Submitted right behind it): compare once
        // the order has settled, or the list and the snapshot may each catch a different one of the two
        Eventually.await(
                "order " + working + " Submitted",
                Duration.ofSeconds(15),
                () -> get("/api/v1/orders/" + working).path("status").asString().equals("Submitted"));
        JsonNode listed = withId(get("/api/v1/orders").path("orders"), "id", Integer.toString(working));

        SseClient client = follow("orders,executions");
        Map<String, Event> first = snapshots(client, 2);
        Event orders = first.get("orders");
        assertThat(orders.type()).isEqualTo("order");
        assertThat(withId(data(orders).path("data").path("orders"), "id", Integer.toString(working)))
                .as("the snapshot item is the GET /api/v1/orders item")
                .isEqualTo(listed);
        Event executions = first.get("executions");
        assertThat(executions.type()).isEqualTo("execution");
        assertThat(data(executions).path("data").path("executions").isArray()).isTrue();

        int id = place("sse-mkt-1", "\"action\":\"BUY\",\"quantity\":10,\"orderType\":\"MKT\"")
                .path("id")
                .asInt();
        List<JsonNode> states = new ArrayList<>();
        JsonNode fill = null;
        JsonNode commissioned = null;
        long lastId = Long.parseLong(orders.id());
        while (states.isEmpty()
                || !states.get(states.size() - 1).path("status").asString().equals("Filled")
                || states.get(states.size() - 1).path("filled").asInt() != 10
                || commissioned == null) {
            clock.advance(Duration.ofSeconds(1));
            simulator.publishMarketMoves();
            Event event = client.next(WAIT);
            if (event.type().equals("comment")) {
                continue;
            }
            assertThat(Long.parseLong(event.id())).as("ids increase").isGreaterThan(lastId);
            lastId = Long.parseLong(event.id());
            JsonNode body = data(event);
            assertThat(body.get("snapshot").asBoolean()).isFalse();
            JsonNode value = body.get("data");
            if (event.type().equals("order") && value.path("id").asInt() == id) {
                assertThat(body.get("topic").asString()).isEqualTo("orders");
                states.add(value);
            } else if (event.type().equals("execution") && value.path("orderId").asInt() == id) {
                assertThat(body.get("topic").asString()).isEqualTo("executions");
                if (!value.path("commission").isNumber()) { // null fields are left out
                    fill = value;
                } else {
                    commissioned = value;
                }
            }
        }
        JsonNode filled = states.get(states.size() - 1);
        assertThat(states.stream()
                        .map(s -> s.path("status").asString() + "/"
                                + s.path("filled").asString()))
                .as("one event per state change, in order")
                .doesNotHaveDuplicates()
                .endsWith("Filled/10");
        assertThat(filled.path("filled").asInt()).isEqualTo(10);
        assertThat(filled.path("remaining").asInt()).isZero();
        assertThat(filled.path("avgFillPrice").asDouble()).isPositive();
        assertThat(filled.path("idempotencyKey").asString()).isEqualTo("sse-mkt-1");
        assertThat(commissioned.path("shares").asInt()).isEqualTo(10);
        assertThat(commissioned.path("price").asDouble()).isPositive();
        assertThat(commissioned.path("commission").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(commissioned.path("commissionCurrency").asString()).isEqualTo("USD");
        if (fill != null) { // the fill came before its commission report: the same execution, joined later
            assertThat(fill.path("execId").asString())
                    .isEqualTo(commissioned.path("execId").asString());
        }

        // a later follower starts with today's executions as GET /api/v1/executions lists them
        String execId = commissioned.path("execId").asString();
        JsonNode rest = withId(get("/api/v1/executions").path("executions"), "execId", execId);
        SseClient later = follow("executions");
        Event snapshot = later.next(WAIT);
        assertThat(data(snapshot).get("snapshot").asBoolean()).isTrue();
        assertThat(withId(data(snapshot).path("data").path("executions"), "execId", execId))
                .isEqualTo(rest)
                .isEqualTo(commissioned);
    }
}
