package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.StoreTestBase;
import io.tradergateway.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Export is memory-flat whatever the size: a gateway in a child JVM with a heap far smaller than the range it
 * exports (600,000 stored bars: about 120 MB as objects, 100 MB as JSON lines, against -Xmx64m, which also has
 * to hold the gateway itself) streams all of it, as JSON lines and as CSV, and is still alive afterwards (the
 * child exits at once on OutOfMemoryError). Buffering the rows anywhere (the store, the JDBC driver without a
 * cursor, the response) would kill it. H2 and PostgreSQL subclasses.
 */
abstract class HistoryExportMemoryTests extends StoreTestBase {

    private static final int BARS = 600_000;
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void sixHundredThousandStoredBarsAreExportedByAGatewayWithA64MegabyteHeap() throws Exception {
        fill();
        int port = HistoryJobResumeTests.freePort();
        Process child = HistoryJobResumeTests.child(
                this, port, List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        try {
            Http http = new Http(port);
            Eventually.await("child ready", Duration.ofSeconds(120), () -> HistoryJobResumeTests.ready(http));
            String path = "/api/v1/history/export?conIds=265598&barSize=1%20min&useRth=false&start=" + FIRST + "&end="
                    + FIRST.plusSeconds(60L * BARS);
            for (String accept : List.of("application/x-ndjson", "text/csv")) {
                long[] seen = export(port, path, accept, this::childLog);
                int header = accept.equals("text/csv") ? 1 : 0;
                assertThat(seen[0]).as("%s lines", accept).isEqualTo(BARS + header);
                assertThat(seen[1])
                        .as("%s: every bar once, in time order", accept)
                        .isEqualTo(BARS - 1);
                assertThat(child.isAlive()).as("the child survived the export").isTrue();
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    /** The end of the child's output, for a failure's message. */
    private String childLog() {
        try {
            String all = java.nio.file.Files.readString(dir().resolve("child.log"));
            return all.substring(Math.max(0, all.length() - 4000));
        } catch (java.io.IOException e) {
            return "(no child log: " + e.getMessage() + ")";
        }
    }

    /** 600,000 1-minute bars of one series, written by the database itself (seconds, not minutes). */
    private void fill() {
        long series = new BarStore(db.dataSource())
                .seriesId(new BarStore.Series(265598, BarSize.parse("1 min"), WhatToShow.TRADES, false));
        String rows = kind() == TestDatabase.Kind.H2
                ? "SELECT \"X\" AS n FROM SYSTEM_RANGE(0, " + (BARS - 1) + ")"
                : "SELECT n FROM generate_series(0, " + (BARS - 1) + ") AS g(n)";
        new JdbcTemplate(db.dataSource())
                .update("INSERT INTO history_bars (series_id, bar_time, open_price, high_price, low_price, close_price,"
                        + " volume, wap, bar_count) SELECT " + series + ", " + FIRST.getEpochSecond()
                        + " + n * 60, 100 + MOD(n, 97) * 0.01, 101 + MOD(n, 89) * 0.01, 99 + MOD(n, 83) * 0.01,"
                        + " 100.5 + MOD(n, 79) * 0.01, CAST(1000 + MOD(n, 500) AS NUMERIC(38, 10)),"
                        + " CAST(100.25 AS NUMERIC(38, 10)), 1 + MOD(n, 300) FROM (" + rows + ") AS r");
    }

    /** Reads the export line by line, holding none: {lines, lines whose time follows the previous line's}. */
    private static long[] export(int port, String path, String accept, java.util.function.Supplier<String> log)
            throws Exception {
        HttpResponse<java.io.InputStream> response = HistoryJobsIntegrationTests.CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", accept)
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(log).isEqualTo(200);
        long lines = 0;
        long increasing = 0;
        Instant previous = null;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                Instant time = time(line);
                if (time != null && previous != null && time.isAfter(previous)) {
                    increasing++;
                }
                previous = time == null ? previous : time;
            }
        }
        return new long[] {lines, increasing};
    }

    /** The bar time of a CSV line (second field) or a JSON line ("time"); null for the CSV header. */
    private static Instant time(String line) {
        if (line.startsWith("{")) {
            int at = line.indexOf("\"time\":\"") + 8;
            return Instant.parse(line.substring(at, line.indexOf('"', at)));
        }
        String field = line.split(",", 3)[1];
        return field.equals("time") ? null : Instant.parse(field);
    }
}
