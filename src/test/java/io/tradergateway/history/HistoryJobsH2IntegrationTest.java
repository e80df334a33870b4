package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.GatewayRun;
import io.tradergateway.support.TestDatabase;
import io.tradergateway.tws.wire.ReqHistoricalData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link HistoryJobsIntegrationTests} on the embedded default (H2, file mode), and jobs' lower priority. */
class HistoryJobsH2IntegrationTest extends HistoryJobsIntegrationTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    /**
     * A job of paced requests (5-second bars; IB's windows scaled by 1/20, enforced by the simulator) for the same
     * contract as an interactive request: the interactive one reaches TWS after at most one more job request.
     */
    @Test
    void anInteractiveRequestWaitsBehindAtMostOneJobRequest() throws Exception {
        try (GatewayRun run = start(
                this,
                "gateway.simulator.pacing-window-scale=0.05",
                "gateway.history.pacing.identical-window=750ms",
                "gateway.history.pacing.burst-window=100ms",
                "gateway.history.pacing.rate-window=30s",
                "gateway.history.pacing.margin=150ms")) {
            String body = "{\"conIds\":[265598],\"barSize\":\"5 secs\",\"useRth\":false,"
                    + "\"start\":\"2026-03-02T00:00:00Z\",\"end\":\"2026-03-03T00:00:00Z\"}";
            String id = id(post(run, body).body());
            Eventually.await(
                    "the job is under way",
                    Duration.ofSeconds(30),
                    () -> requests(run).size() >= 8);
            // TWS stops answering: the job's request in flight stays open, so the job can add at most the one it
            // may already have queued for its next slot
            io.tradergateway.sim.TwsSimulator sim = run.bean(io.tradergateway.sim.TwsSimulator.class);
            sim.holdHistoricalAnswers(true);
            int before = requests(run).size();
            CompletableFuture<HttpResponse<String>> interactive = CompletableFuture.supplyAsync(() -> run.http()
                    .get("/api/v1/history?conId=265598&barSize=5%20secs&whatToShow=TRADES&useRth=false"
                            + "&duration=1800%20S&end=2026-02-27T20:00:00Z"));
            Eventually.await(
                    "the interactive request at TWS",
                    Duration.ofSeconds(30),
                    () -> requests(run).stream().anyMatch(r -> r.endDateTime().equals("20260227 20:00:00 UTC")));
            sim.holdHistoricalAnswers(false);
            HttpResponse<String> answer = interactive.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            List<ReqHistoricalData> sent = requests(run);
            int mine = -1;
            for (int i = before; i < sent.size(); i++) {
                if (sent.get(i).endDateTime().equals("20260227 20:00:00 UTC")) {
                    mine = i;
                }
            }
            assertThat(mine).as("the interactive request reached TWS").isGreaterThanOrEqualTo(before);
            assertThat(mine - before).as("job requests sent before it").isLessThanOrEqualTo(1);
            run.http().send("DELETE", "/api/v1/history/jobs/" + id);
            assertThat(run.bean(io.tradergateway.sim.TwsSimulator.class).pacingViolations())
                    .isZero();
        }
    }
}
