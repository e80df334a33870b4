package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.GatewayRun;
import io.tradergateway.support.TestDatabase;
import io.tradergateway.tws.wire.ReqHistoricalData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link HistoryJobsIntegrationTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1),
 * and two replicas sharing one job there.
 */
class HistoryJobsPostgresIntegrationTest extends HistoryJobsIntegrationTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }

    /** Two gateways (each with its own TWS) on one PostgreSQL: every chunk of the job is fetched once, by one. */
    @Test
    void twoReplicasShareOneJobAndFetchEveryChunkOnce() {
        try (GatewayRun a = start(this);
                GatewayRun b = start(this)) {
            String body = "{\"conIds\":[265598,272093,756733]," + RANGE + "}";
            String id = id(post(a, body).body());
            assertThat(post(b, body).statusCode())
                    .as("the same job, from the other replica")
                    .isEqualTo(200);
            awaitState(a, id, "DONE");
            List<ReqHistoricalData> all = new ArrayList<>(requests(a));
            all.addAll(requests(b));
            Set<String> distinct = new HashSet<>();
            for (ReqHistoricalData r : all) {
                distinct.add(r.contract().conId() + "@" + r.endDateTime());
            }
            assertThat(all)
                    .as("3 contracts x 3 days, each once across both replicas")
                    .hasSize(9);
            assertThat(distinct).hasSize(9);
            String job = b.http().get("/api/v1/history/jobs/" + id).body();
            assertThat(job).contains("\"requestsDone\":9", "\"requestsTotal\":9", "\"errors\":0");
            long stored = 0;
            for (int conId : List.of(265598, 272093, 756733)) {
                stored += times(b.http().get(history(conId)).body()).size();
            }
            assertThat(job).contains("\"barsStored\":" + stored);
            assertThat(requests(a).size() + requests(b).size())
                    .as("all served from the shared store")
                    .isEqualTo(9);
        }
    }
}
