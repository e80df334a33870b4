package io.tradergateway.history;

import io.tradergateway.contract.ContractInfo;
import io.tradergateway.contract.ContractService;
import io.tradergateway.tws.TwsTimeoutException;
import io.tradergateway.tws.TwsUnavailableException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Runs one contract's part of a job (called by db-scheduler, on one replica at a time): the range is planned as
 * {@code GET /api/v1/history} plans it, chunks the store already covers are skipped, and each other chunk goes
 * through the same pacer as interactive requests, one at a time, so an interactive request waits behind at most
 * this one job request. Every answer is written to the store (bars and covered slice in one transaction) before
 * the next request: a part killed anywhere resumes from what the store holds, with no gap and no duplicate.
 */
class HistoryJobRunner {

    private static final Logger log = LoggerFactory.getLogger(HistoryJobRunner.class);

    /** A job may be far longer than one GET (a year of 1-second bars is 17,520 requests). */
    static final int MAX_CHUNKS = 100_000;

    private final HistoryJobStore jobs;
    private final BarStore store;
    private final HistoryService history;
    private final ContractService contracts;
    private final HistoryProperties settings;
    private final Clock clock;

    HistoryJobRunner(
            HistoryJobStore jobs,
            BarStore store,
            HistoryService history,
            ContractService contracts,
            HistoryProperties settings,
            Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.history = history;
        this.contracts = contracts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the part; returns normally when it is done, cancelled, failed for good, or the scheduler stops. */
    void run(String jobId, int conId, BooleanSupplier stopping) {
        HistoryJobSpec spec = jobs.spec(jobId).orElse(null);
        if (spec == null || jobs.cancelled(jobId)) {
            return;
        }
        ContractInfo contract;
        List<HistoryPlan.Chunk> chunks;
        try {
            contract = contracts.byConId(conId);
            chunks = HistoryPlan.of(contract, spec.parameters(), clock.instant(), MAX_CHUNKS);
        } catch (TwsUnavailableException | TwsTimeoutException | DataAccessException e) {
            throw e; // e.g. revived at start-up before TWS is connected: runs again later, not failed for good
        } catch (RuntimeException e) {
            jobs.error(jobId, conId, describe(e), clock.instant());
            jobs.finish(jobId, conId, "FAILED", clock.instant());
            return;
        }
        ZoneId zone = HistoryService.zoneOf(contract);
        long series = store.seriesId(new BarStore.Series(conId, spec.barSize(), spec.whatToShow(), spec.useRth()));
        int covered = 0;
        for (HistoryPlan.Chunk chunk : chunks) {
            covered += store.gaps(series, chunk.from(), chunk.to()).isEmpty() ? 1 : 0;
        }
        jobs.start(jobId, conId, chunks.size(), covered, clock.instant());
        for (HistoryPlan.Chunk chunk : chunks) {
            if (stopping.getAsBoolean()) {
                return; // picked up again after the restart (dead-execution detection)
            }
            if (jobs.cancelled(jobId)) {
                return;
            }
            if (store.gaps(series, chunk.from(), chunk.to()).isEmpty()) {
                continue; // counted as done at start
            }
            try {
                List<HistoryBar> bars = fetch(chunk, zone);
                keep(series, chunk, bars, spec.barSize());
                jobs.progress(jobId, conId, true, clock.instant());
            } catch (TwsUnavailableException | DataAccessException e) {
                throw e; // TWS or the store is gone: db-scheduler runs the part again later, from the store
            } catch (RuntimeException e) {
                log.warn("history job {} conId {}: chunk ending {} failed: {}", jobId, conId, chunk.to(), e.toString());
                jobs.error(jobId, conId, chunk.to() + ": " + describe(e), clock.instant());
                jobs.progress(jobId, conId, true, clock.instant());
            }
        }
        jobs.finish(jobId, conId, "DONE", clock.instant());
    }

    /** One chunk, not cached: the store keeps it. */
    private List<HistoryBar> fetch(HistoryPlan.Chunk chunk, ZoneId zone) {
        try {
            List<HistoryBar> bars = history.fetch(chunk.request(), zone, false, false)
                    .get(settings.timeout().plus(settings.pacing().maxWait()).toMillis() * 20, TimeUnit.MILLISECONDS);
            return bars.stream().filter(b -> chunk.keeps(b.time())).toList();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Bars and the slice, capped one bar before now (a job over a range ending now leaves the forming bar). */
    private void keep(long series, HistoryPlan.Chunk chunk, List<HistoryBar> bars, BarSize barSize) {
        BarStore.Span span = StoredHistory.finalSpan(chunk.from(), chunk.to(), barSize, clock.instant());
        if (span == null) {
            return;
        }
        store.record(series, bars.stream().filter(b -> span.contains(b.time())).toList(), span);
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
