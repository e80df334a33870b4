package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.GatewayRun;
import io.tradergateway.support.StoreTestBase;
import io.tradergateway.support.TestDatabase;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.ReqHistoricalData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * GET /api/v1/history in front of the store, through HTTP, the real client and a real socket to the simulator, on
 * a store that outlives the gateway (H2 file and PostgreSQL subclasses): a restarted gateway serves what the store
 * holds without asking TWS, asks only for the gaps, and does not ask again for a range TWS answered with no bars.
 */
abstract class HistoryStoreIntegrationTests extends StoreTestBase {

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");
    private static final String AAPL_1M = "/api/v1/history?conId=265598&barSize=1%20min&whatToShow=TRADES&useRth=false";
    private static final String WIDE = AAPL_1M + "&start=2026-03-02T00:00:00Z&end=2026-03-05T00:00:00Z";

    @Test
    void aRestartedGatewayServesTheStoreAndAsksTwsOnlyForTheGaps() {
        String middleDay;
        try (GatewayRun first = start()) {
            HttpResponse<String> day =
                    first.http().get(AAPL_1M + "&start=2026-03-03T00:00:00Z&end=2026-03-04T00:00:00Z");
            assertThat(day.statusCode()).as(head(day)).isEqualTo(200);
            middleDay = bars(day.body());
            HttpResponse<String> weekend =
                    first.http().get(AAPL_1M + "&start=2026-03-07T12:00:00Z&end=2026-03-08T12:00:00Z");
            assertThat(weekend.statusCode()).as(head(weekend)).isEqualTo(404); // no bars on a weekend
            assertThat(requests(first)).hasSize(2); // one per day
            awaitCovered(first, 2); // the day, and the weekend answered with nothing
        }
        try (GatewayRun second = start()) {
            HttpResponse<String> weekend =
                    second.http().get(AAPL_1M + "&start=2026-03-07T12:00:00Z&end=2026-03-08T12:00:00Z");
            assertThat(weekend.statusCode()).isEqualTo(404);
            assertThat(requests(second)).as("an empty answer is covered too").isEmpty();

            HttpResponse<String> wide = second.http().get(WIDE);
            assertThat(wide.statusCode()).as(head(wide)).isEqualTo(200);
            assertThat(requests(second))
                    .as("only the two gaps around the stored day are asked for")
                    .extracting(ReqHistoricalData::endDateTime)
                    .containsExactlyInAnyOrder("20260303 00:00:00 UTC", "20260305 00:00:00 UTC");
            List<Instant> times = times(wide.body());
            assertThat(times).isSorted().doesNotHaveDuplicates();
            assertThat(times.get(0)).isAfterOrEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
            assertThat(times.get(times.size() - 1)).isBefore(Instant.parse("2026-03-05T00:00:00Z"));
            assertThat(bars(wide.body())).contains(middleDay); // the stored day, exactly as TWS gave it
            try (TestDatabase empty = TestDatabase.h2(tempDir.resolve("fresh"));
                    GatewayRun fresh = GatewayRun.start(empty, "gateway.data-dir=" + tempDir.resolve("fresh"))) {
                Eventually.await(
                        "READY",
                        Duration.ofSeconds(20),
                        () -> fresh.bean(TwsConnectionManager.class).state() == ConnectionState.READY);
                HttpResponse<String> all = fresh.http().get(WIDE);
                assertThat(requests(fresh)).hasSize(3);
                assertThat(wide.body())
                        .as("stored day + two gaps = the whole range from TWS, bar for bar")
                        .isEqualTo(all.body());
            }
        }
    }

    @Test
    void theBarStillFormingIsNeverStored() {
        try (GatewayRun run = start()) {
            Instant before = Instant.now();
            HttpResponse<String> recent = run.http().get(AAPL_1M + "&start=" + before.minusSeconds(7200));
            assertThat(recent.statusCode()).isIn(200, 404);
            awaitCovered(run, 1);
            JdbcTemplate jdbc = run.bean(JdbcTemplate.class);
            long coveredTo = jdbc.queryForObject("SELECT MAX(range_to) FROM history_covered", Long.class);
            assertThat(coveredTo)
                    .isLessThanOrEqualTo(Instant.now().minusSeconds(60).getEpochSecond());
            Long lastBar = jdbc.queryForObject("SELECT MAX(bar_time) FROM history_bars", Long.class);
            if (lastBar != null) {
                assertThat(lastBar).isLessThan(coveredTo);
            }
        }
    }

    GatewayRun start() {
        GatewayRun run = GatewayRun.start(db, "gateway.data-dir=" + tempDir.resolve("data"));
        TwsConnectionManager connection = run.bean(TwsConnectionManager.class);
        Eventually.await("READY", Duration.ofSeconds(20), () -> connection.state() == ConnectionState.READY);
        return run;
    }

    private static List<ReqHistoricalData> requests(GatewayRun run) {
        return run.bean(TwsSimulator.class).received(ReqHistoricalData.class);
    }

    private static void awaitCovered(GatewayRun run, int ranges) {
        JdbcTemplate jdbc = run.bean(JdbcTemplate.class);
        Eventually.await(
                ranges + " covered ranges in the store",
                Duration.ofSeconds(20),
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM history_covered", Integer.class) >= ranges);
    }

    private static String head(HttpResponse<String> response) {
        String body = response.body();
        return response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    /** The bars array of a JSON answer, as text. */
    private static String bars(String body) {
        int from = body.indexOf("\"bars\":[") + "\"bars\":[".length();
        return body.substring(from, body.lastIndexOf(']'));
    }

    private static List<Instant> times(String body) {
        List<Instant> times = new ArrayList<>();
        Matcher m = TIME.matcher(body);
        while (m.find()) {
            times.add(Instant.parse(m.group(1)));
        }
        return times;
    }
}
