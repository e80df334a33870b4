package io.tradergateway.bench;

import io.tradergateway.history.BarSize;
import io.tradergateway.history.BarStore;
import io.tradergateway.history.HistoryBar;
import io.tradergateway.history.WhatToShow;
import io.tradergateway.support.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history store's throughput on both databases, in one run: a year of 1-minute bars (16 hours x 5 days x 52
 * weeks) written day by day as the jobs write them (one transaction per TWS answer), then served back day by day
 * as GET /api/v1/history reads stored spans, against the same bars served from memory (what the in-memory cache
 * does: walk a list). Run: {@code java -cp target/classes:target/test-classes:<test class path>
 * io.tradergateway.bench.StoreBenchmark} (PostgreSQL from .ci/postgres-up; skipped when absent).
 */
public final class StoreBenchmark {

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 260;
        List<List<HistoryBar>> year = year(days);
        long bars = year.stream().mapToLong(List::size).sum();
        Path dir = Files.createTempDirectory("store-bench");
        run("embedded H2", TestDatabase.h2(dir).migrate(), year, bars);
        try (TestDatabase pg = TestDatabase.postgres()) {
            run("PostgreSQL", pg.migrate(), year, bars);
        } catch (RuntimeException | Error e) {
            System.out.println("PostgreSQL: skipped (" + e.getMessage() + ")");
        }
        long t0 = System.nanoTime();
        long seen = 0;
        for (List<HistoryBar> day : year) {
            List<HistoryBar> copy = List.copyOf(day); // the cache hands out its list; copy = a response's work
            seen += copy.size();
        }
        report("in-memory (cache) read", seen, System.nanoTime() - t0);
    }

    private static void run(String name, TestDatabase db, List<List<HistoryBar>> year, long bars) {
        BarStore store = new BarStore(db.dataSource());
        long series = store.seriesId(new BarStore.Series(265598, BarSize.parse("1 min"), WhatToShow.TRADES, false));
        long t0 = System.nanoTime();
        for (List<HistoryBar> day : year) {
            Instant from = day.get(0).time();
            store.record(series, day, new BarStore.Span(from, from.plusSeconds(86_400)));
        }
        report(name + " write", bars, System.nanoTime() - t0);
        t0 = System.nanoTime();
        long read = 0;
        for (List<HistoryBar> day : year) {
            Instant from = day.get(0).time();
            read += store.read(series, from, from.plusSeconds(86_400)).size();
        }
        report(name + " read (day by day)", read, System.nanoTime() - t0);
    }

    private static void report(String what, long bars, long nanos) {
        System.out.printf(
                "%-32s %,10d bars in %,8d ms = %,12.0f bars/s%n", what, bars, nanos / 1_000_000, bars / (nanos / 1e9));
    }

    /** Weekdays of 16 hours of 1-minute bars from 2025-01-06 on. */
    private static List<List<HistoryBar>> year(int days) {
        List<List<HistoryBar>> year = new ArrayList<>();
        Instant day = Instant.parse("2025-01-06T09:00:00Z");
        while (year.size() < days) {
            long weekday = (day.getEpochSecond() / 86_400 + 3) % 7; // 0 = Monday
            if (weekday < 5) {
                List<HistoryBar> bars = new ArrayList<>(960);
                for (int m = 0; m < 960; m++) {
                    double p = 100 + (m % 97) / 10.0;
                    bars.add(new HistoryBar(
                            day.plusSeconds(60L * m),
                            p,
                            p + 0.5,
                            p - 0.5,
                            p + 0.1,
                            BigDecimal.valueOf(1000 + m),
                            BigDecimal.valueOf(p + 0.05),
                            10 + m % 50));
                }
                year.add(bars);
            }
            day = day.plusSeconds(86_400);
        }
        return year;
    }
}
