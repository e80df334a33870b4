package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.StoreTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs' rows on a real database (H2 and PostgreSQL subclasses): a job is created once however many POSTs of it
 * race (plain SQL, no ON CONFLICT), always with all its parts, and a re-POST queues its failed parts again.
 */
abstract class HistoryJobStoreTests extends StoreTestBase {

    private static final Instant NOW = Instant.parse("2026-03-06T12:00:00Z");
    private static final HistoryJobSpec SPEC = new HistoryJobSpec(
            List.of(265598, 272093, 8314),
            BarSize.parse("1 min"),
            WhatToShow.TRADES,
            false,
            Instant.parse("2026-03-02T00:00:00Z"),
            Instant.parse("2026-03-05T00:00:00Z"));

    @Test
    void concurrentCreatorsOfOneJobCreateItOnceWithAllItsParts() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<Boolean>> inserts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                HistoryJobStore own = new HistoryJobStore(db.dataSource()); // as another replica would
                inserts.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(go);
                            return own.insert(SPEC.id(), SPEC, NOW);
                        },
                        pool));
            }
            go.countDown();
            int created = 0;
            for (CompletableFuture<Boolean> insert : inserts) {
                created += insert.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(created).as("POSTs that created the job").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        HistoryJobStore jobs = new HistoryJobStore(db.dataSource());
        assertThat(jobs.ids()).containsExactly(SPEC.id());
        assertThat(jobs.spec(SPEC.id())).contains(SPEC);
        assertThat(jobs.parts(SPEC.id()))
                .extracting(HistoryJobStore.Part::conId, HistoryJobStore.Part::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(8314, "QUEUED"),
                        org.assertj.core.groups.Tuple.tuple(265598, "QUEUED"),
                        org.assertj.core.groups.Tuple.tuple(272093, "QUEUED"));
        assertThat(new JdbcTemplate(db.dataSource())
                        .queryForObject("SELECT COUNT(*) FROM history_job_parts", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void aRepostQueuesAgainOnlyThePartsThatFailedAndClearsTheirErrors() {
        HistoryJobStore jobs = new HistoryJobStore(db.dataSource());
        assertThat(jobs.insert(SPEC.id(), SPEC, NOW)).isTrue();
        assertThat(jobs.insert(SPEC.id(), SPEC, NOW.plusSeconds(1))).isFalse();
        jobs.start(SPEC.id(), 8314, 3, 0, NOW);
        jobs.error(SPEC.id(), 8314, "20260304 00:00:00 UTC: query cancelled", NOW);
        jobs.finish(SPEC.id(), 8314, "DONE", NOW); // done, with a failed chunk
        jobs.start(SPEC.id(), 265598, 3, 0, NOW);
        jobs.finish(SPEC.id(), 265598, "DONE", NOW); // done cleanly
        jobs.error(SPEC.id(), 272093, "no such contract", NOW);
        jobs.finish(SPEC.id(), 272093, "FAILED", NOW);

        assertThat(jobs.retryFailed(SPEC.id(), NOW.plusSeconds(5))).containsExactly(8314, 272093);
        assertThat(jobs.parts(SPEC.id()))
                .extracting(HistoryJobStore.Part::conId, HistoryJobStore.Part::state, HistoryJobStore.Part::errors)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(8314, "QUEUED", 0),
                        org.assertj.core.groups.Tuple.tuple(265598, "DONE", 0),
                        org.assertj.core.groups.Tuple.tuple(272093, "QUEUED", 0));
        assertThat(jobs.retryFailed(SPEC.id(), NOW.plusSeconds(6)))
                .as("nothing failed any more")
                .isEmpty();

        jobs.finish(SPEC.id(), 8314, "FAILED", NOW);
        jobs.cancel(SPEC.id(), NOW);
        assertThat(jobs.retryFailed(SPEC.id(), NOW.plusSeconds(7)))
                .as("a cancelled job is not revived")
                .isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
