package io.tradergateway.bench;

import io.tradergateway.GatewayApplication;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.Contract;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.Order;
import io.tradergateway.tws.wire.PlaceOrder;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gateway overhead of placing an order: POST /api/v1/orders until the 201 (TWS's acknowledgement arrived), against
 * the simulator's own acknowledgement time in the same run (a bare protocol client: placeOrder until openOrder).
 * Both at 40 orders/s (under IB's 50 messages/s, so pacing never waits). Prints one line:
 * {@code orders <n> | gateway p50 p99 ms | simulator p50 p99 ms}. Run by bench/run.sh (ONLY=orders).
 */
public final class OrderAckBenchmark {

    private static final long GAP_MS = 25;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("sim")
                .run(
                        "--server.port=0",
                        "--gateway.simulator.port=0",
                        "--gateway.ib-status.enabled=false",
                        "--gateway.trading.enabled=true",
                        "--logging.level.root=WARN",
                        "--gateway.data-dir=./target/bench/orders-" + UUID.randomUUID());
        try {
            TwsConnectionManager tws = app.getBean(TwsConnectionManager.class);
            long until = System.currentTimeMillis() + 20_000;
            while (tws.state() != ConnectionState.READY && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            double[] simulator = simulator(app.getBean(TwsSimulator.class), n);
            double[] gateway = gateway(port, n);
            System.out.printf(
                    "orders %d | gateway p50 %.2f p99 %.2f ms | simulator p50 %.2f p99 %.2f ms%n",
                    n, pct(gateway, 50), pct(gateway, 99), pct(simulator, 50), pct(simulator, 99));
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static double[] simulator(TwsSimulator sim, int n) throws Exception {
        double[] ms = new double[n];
        try (RawTwsClient raw = new RawTwsClient(sim.host(), sim.port())) {
            raw.handshake(157, 200);
            raw.startApi(990);
            int next = (int) raw.next(NextValidId.class).orderId() + 1_000_000;
            Contract aapl = new Contract(265598, "", "", "", Order.UNSET, "", "", "SMART", "", "", "", "");
            for (int i = 0; i < n; i++) {
                Order order = Order.of("BUY", BigDecimal.ONE, "LMT")
                        .withPrices(100, Order.UNSET)
                        .withRouting("DU1111111", "raw-" + i, "DAY", "", false);
                long start = System.nanoTime();
                raw.send(new PlaceOrder(next + i, aapl, order));
                while (!(raw.next() instanceof OpenOrder open && open.orderId() == next + i)) {
                    // farm notices and earlier answers
                }
                ms[i] = (System.nanoTime() - start) / 1e6;
                Thread.sleep(GAP_MS);
            }
        }
        return ms;
    }

    private static double[] gateway(int port, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        double[] ms = new double[n];
        String body = "{\"account\":\"DU1111111\",\"conId\":265598,\"action\":\"BUY\",\"quantity\":1,"
                + "\"orderType\":\"LMT\",\"limitPrice\":100}";
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(GAP_MS);
        }
        return ms;
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
