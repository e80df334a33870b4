package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.GatewayRun;
import io.tradergateway.support.Http;
import io.tradergateway.support.StoreTestBase;
import io.tradergateway.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 in the middle of a job: a real gateway in a child JVM is killed with SIGKILL (Process.destroyForcibly)
 * while its job is half done; a new gateway on the same store resumes the job (db-scheduler finds the dead
 * execution) and the store then holds exactly the bars a fresh download gives, in strictly increasing time.
 */
abstract class HistoryJobResumeTests extends StoreTestBase {

    private static final String JOB = "{\"conIds\":[265598],\"barSize\":\"1 min\",\"useRth\":false,"
            + "\"start\":\"2026-01-05T00:00:00Z\",\"end\":\"2026-01-31T00:00:00Z\"}";
    private static final String RANGE = "/api/v1/history?conId=265598&barSize=1%20min&whatToShow=TRADES&useRth=false"
            + "&start=2026-01-05T00:00:00Z&end=2026-01-31T00:00:00Z";

    @Test
    void aJobKilledWithSigkillResumesOnTheNextStartWithNoGapAndNoDuplicate() throws Exception {
        int port = freePort();
        Process child = child(
                this,
                port,
                List.of(),
                "--gateway.history.jobs.heartbeat=500ms",
                "--gateway.history.jobs.missed-heartbeats=4");
        String id;
        try {
            Http http = new Http(port);
            Eventually.await("child ready", Duration.ofSeconds(90), () -> ready(http));
            assertThat(http.send("POST", "/sim/delay?millis=250").statusCode()).isEqualTo(200);
            id = HistoryJobsIntegrationTests.id(post(port));
            Eventually.await("a third of the job done", Duration.ofSeconds(60), () -> done(http, id) >= 9);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit of anything in flight
            child.waitFor();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        // the killed replica's part runs again once its heartbeats are missed: a 2 s window here, not 60 s
        try (GatewayRun next = HistoryJobsIntegrationTests.start(
                this, "gateway.history.jobs.heartbeat=500ms", "gateway.history.jobs.missed-heartbeats=4")) {
            HistoryJobsIntegrationTests.awaitState(next, id, "DONE");
            String job = next.http().get("/api/v1/history/jobs/" + id).body();
            assertThat(job).contains("\"requestsDone\":26", "\"requestsTotal\":26", "\"errors\":0");
            assertThat(HistoryJobsIntegrationTests.requests(next).size())
                    .as("the resumed gateway asks only for what the killed one had not stored")
                    .isLessThan(26 - 8);
            JdbcTemplate jdbc = next.bean(JdbcTemplate.class);
            List<Long> times = jdbc.queryForList("SELECT bar_time FROM history_bars ORDER BY bar_time", Long.class);
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i)).as("strictly increasing").isGreaterThan(times.get(i - 1));
            }
            String stored = next.http().get(RANGE).body();
            try (TestDatabase fresh = TestDatabase.h2(tempDir.resolve("fresh"));
                    GatewayRun reference = GatewayRun.start(fresh, "gateway.data-dir=" + tempDir.resolve("fresh"))) {
                Eventually.await("reference ready", Duration.ofSeconds(20), () -> ready(reference.http()));
                String all = reference.http().get(RANGE).body();
                assertThat(HistoryJobsIntegrationTests.times(all)).hasSize(times.size());
                assertThat(stored).as("exactly the bars of a fresh download").isEqualTo(all);
            }
            assertThat(job).contains("\"barsStored\":" + times.size());
        }
    }

    /** A gateway in a child JVM (sim profile) on the test's database; its output goes to child.log. */
    static Process child(StoreTestBase test, int port, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "io.tradergateway.GatewayApplication",
                "--spring.profiles.active=sim",
                "--server.port=" + port,
                "--gateway.ib-status.enabled=false",
                "--gateway.data-dir=" + test.dir().resolve("data")));
        command.addAll(List.of(args));
        for (Map.Entry<String, String> p : test.database().springProperties().entrySet()) {
            command.add("--" + p.getKey() + "=" + p.getValue());
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(test.dir().resolve("child.log").toFile())
                .start();
    }

    private static String post(int port) throws Exception {
        var response = HistoryJobsIntegrationTests.CLIENT.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/history/jobs"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JOB))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return response.body();
    }

    static boolean ready(Http http) {
        try {
            return http.get("/actuator/health/readiness").statusCode() == 200;
        } catch (RuntimeException | AssertionError e) { // not listening yet
            return false;
        }
    }

    private static int done(Http http, String id) {
        Matcher m = Pattern.compile("\"requestsDone\":(\\d+)")
                .matcher(http.get("/api/v1/history/jobs/" + id).body());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }
}
