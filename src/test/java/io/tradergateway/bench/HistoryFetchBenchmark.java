package io.tradergateway.bench;

import io.tradergateway.GatewayApplication;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.HistoricalDataEnd;
import io.tradergateway.tws.wire.ReqHistoricalData;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.ServerVersions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 14's end-to-end history figures, in one run, for a range of 1-minute bars (a year in the full run) as CSV:
 *
 * <ul>
 *   <li>first fetch: GET /api/v1/history with an empty store, against the fastest schedule the simulator allows
 *       for the same work: the very requests the gateway sent to TWS, replayed by a bare protocol client with as
 *       many open at once as IB allows (50, one kept spare) and just under the rate TWS takes messages (50 a
 *       second; 1-minute bars are beyond IB's small-bar pacing rules), until the last answer ended;
 *   <li>served from the store: the same GET again once the store holds the range (no request reaches TWS);
 *   <li>served from the in-memory cache: a gateway that does not keep interactive answers
 *       (gateway.history.store-answers=false), the same GET after its first fetch (no request reaches TWS).
 * </ul>
 *
 * Repeats are the median of three. Args: days. Prints one line starting {@code history } with key=value pairs. Run
 * by bench/run.sh (ONLY=store).
 */
public final class HistoryFetchBenchmark {

    // IB's limit is 50 open; the simulator frees a slot just after it wrote the answer's end, so one is kept spare
    private static final int MAX_OPEN = 49;
    private static final int RATE = 48; // messages per second, below TWS's 50: arrivals bunch up on a loaded machine
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HistoryFetchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
        Instant end = Instant.parse("2026-02-01T00:00:00Z");
        String query = "/api/v1/history?conId=272093&barSize=1m&whatToShow=MIDPOINT&start="
                + end.minus(days, ChronoUnit.DAYS) + "&end=" + end;
        String out;
        ConfigurableApplicationContext stored = start();
        try {
            TwsSimulator sim = stored.getBean(TwsSimulator.class);
            int port = port(stored);
            int before = sim.received(ReqHistoricalData.class).size();
            long t0 = System.nanoTime();
            long bars = get(port, query);
            double first = ms(System.nanoTime() - t0);
            List<ReqHistoricalData> sent = sim.received(ReqHistoricalData.class);
            sent = List.copyOf(sent.subList(before, sent.size()));
            int rate = sim.rateViolations();
            int pacing = sim.pacingViolations();
            double floor = floor(sim, sent);
            String violations = (sim.rateViolations() - rate) + "/" + (sim.pacingViolations() - pacing);
            double store = repeats(sim, port, query, bars, true);
            out = String.format(
                    "history days=%d bars=%d requests=%d first_ms=%.0f floor_ms=%.0f floor_violations=%s store_ms=%.0f",
                    days, bars, sent.size(), first, floor, violations, store);
        } finally {
            stored.close();
        }
        ConfigurableApplicationContext cached = start("--gateway.history.store-answers=false");
        try {
            TwsSimulator sim = cached.getBean(TwsSimulator.class);
            int port = port(cached);
            long bars = get(port, query);
            double cache = repeats(sim, port, query, bars, false);
            out += String.format(" cache_ms=%.0f", cache);
        } finally {
            cached.close();
        }
        System.out.println(out);
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(String... more) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--gateway.ib-status.enabled=false",
                "--logging.level.root=WARN",
                "--gateway.data-dir=" + System.getProperty("bench.dir", "./target/bench") + "/history-"
                        + UUID.randomUUID()));
        args.addAll(List.of(more));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("sim")
                .run(args.toArray(String[]::new));
        TwsConnectionManager tws = app.getBean(TwsConnectionManager.class);
        long until = System.currentTimeMillis() + 60_000;
        while (tws.state() != ConnectionState.READY && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        return app;
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** GETs the range as CSV, reads it to the end; returns the bars (lines after the header). */
    private static long get(int port, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
                .header("Accept", "text/csv")
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + query + " answered " + response.statusCode());
        }
        return lines - 1;
    }

    /**
     * Median of three GETs that reach no TWS request and return every bar; the store is written off the response's
     * path, so repeats that still asked TWS (the store not yet complete) are waited out first.
     */
    private static double repeats(TwsSimulator sim, int port, String query, long bars, boolean store) throws Exception {
        List<Double> times = new ArrayList<>();
        long until = System.currentTimeMillis() + 120_000;
        while (times.size() < 3) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException((store ? "store" : "cache") + ": repeats kept asking TWS");
            }
            int before = sim.received(ReqHistoricalData.class).size();
            long t0 = System.nanoTime();
            long got = get(port, query);
            double took = ms(System.nanoTime() - t0);
            if (sim.received(ReqHistoricalData.class).size() == before && got == bars) {
                times.add(took);
            } else {
                times.clear();
                Thread.sleep(200);
            }
        }
        double[] sorted =
                times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[1];
    }

    /** The same requests by a bare client, up to 50 open at once: the simulator's own time for the work. */
    private static double floor(TwsSimulator sim, List<ReqHistoricalData> requests) throws IOException {
        try (RawTwsClient raw = new RawTwsClient(sim.host(), sim.port())) {
            raw.handshake(ServerVersions.HISTORICAL_DATA_END, ServerVersions.MAX_SUPPORTED);
            raw.startApi(991);
            ArrayDeque<Long> sent = new ArrayDeque<>();
            boolean[] done = new boolean[requests.size()];
            int next = 0;
            int open = 0;
            int ended = 0;
            long t0 = System.nanoTime();
            while (ended < requests.size()) {
                while (open < MAX_OPEN && next < requests.size()) {
                    pace(sent);
                    ReqHistoricalData r = requests.get(next);
                    raw.send(new ReqHistoricalData(
                            100_000 + next,
                            r.contract(),
                            r.includeExpired(),
                            r.endDateTime(),
                            r.barSize(),
                            r.duration(),
                            r.useRth(),
                            r.whatToShow(),
                            r.formatDate(),
                            r.keepUpToDate(),
                            r.chartOptions()));
                    next++;
                    open++;
                }
                ServerMessage message = raw.next();
                if (message instanceof HistoricalDataEnd e && e.reqId() >= 100_000 && !done[e.reqId() - 100_000]) {
                    done[e.reqId() - 100_000] = true;
                    open--;
                    ended++;
                } else if (message instanceof ErrorMessage e && e.reqId() >= 100_000 && !done[e.reqId() - 100_000]) {
                    if (e.message().contains("pacing violation") || e.message().contains("simultaneous")) {
                        throw new IllegalStateException("the simulator refused " + e.reqId() + ": " + e.message());
                    }
                    done[e.reqId() - 100_000] = true; // no data for that day (a weekend): answered all the same
                    open--;
                    ended++;
                }
            }
            return ms(System.nanoTime() - t0);
        }
    }

    /** TWS takes at most 50 messages in any second (error 100 beyond): waits until one more fits, with 20 ms to spare. */
    private static void pace(ArrayDeque<Long> sent) {
        long window = 1_020_000_000L;
        long now = System.nanoTime();
        while (!sent.isEmpty() && now - sent.peekFirst() >= window) {
            sent.pollFirst();
        }
        if (sent.size() >= RATE) {
            long wait = sent.pollFirst() + window - now;
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
        sent.addLast(System.nanoTime());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
