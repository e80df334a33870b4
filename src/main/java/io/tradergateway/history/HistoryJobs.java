package io.tradergateway.history;

import io.tradergateway.contract.ContractDescription;
import io.tradergateway.contract.ContractService;
import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;

/**
 * Bulk jobs: create (one job per spec), show with progress and ETA, list, cancel. The work itself is db-scheduler's
 * (one task instance per contract, {@link HistoryJobRunner}); this class only writes and reads the job rows.
 */
class HistoryJobs {

    /** The answer to a POST: the job, and whether this POST created it. */
    record Submitted(HistoryJobView job, boolean created) {}

    /** Schedules one part with db-scheduler (exactly once per part, whoever asks). */
    interface Scheduling {
        void schedule(String partId);

        void cancel(String partId);
    }

    static final int MAX_CONTRACTS = 500;

    private final HistoryJobStore jobs;
    private final BarStore store;
    private final ContractService contracts;
    private final Scheduling scheduling;
    private final PacingRules rules;
    private final Clock clock;

    HistoryJobs(
            HistoryJobStore jobs,
            BarStore store,
            ContractService contracts,
            Scheduling scheduling,
            PacingRules rules,
            Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.contracts = contracts;
        this.scheduling = scheduling;
        this.rules = rules;
        this.clock = clock;
    }

    Submitted submit(HistoryJobRequest body) {
        Instant now = clock.instant();
        HistoryParameters p = HistoryParameters.parse(
                body.barSize(),
                null,
                body.start(),
                body.end(),
                body.whatToShow(),
                body.useRth() == null ? null : body.useRth().toString(),
                clock);
        if (p.end() == null) {
            throw new InvalidHistoryParameterException(
                    "end",
                    HistoryProblems.INVALID_RANGE,
                    "a job needs an end (ISO-8601, not in the future)",
                    List.of("<= now"));
        }
        if (!StoredHistory.storable(p.whatToShow())) {
            throw new InvalidHistoryParameterException(
                    "whatToShow",
                    HistoryProblems.INVALID_WHAT_TO_SHOW,
                    "ADJUSTED_LAST changes with every dividend and is not stored",
                    List.of("TRADES", "MIDPOINT", "BID", "ASK", "BID_ASK"));
        }
        TreeSet<Integer> universe = new TreeSet<>();
        if (body.conIds() != null) {
            for (Integer conId : body.conIds()) {
                if (conId == null || conId <= 0) {
                    throw new io.tradergateway.web.InvalidParameterException(
                            "conIds", "conIds must be positive integers (IB's contract ids)");
                }
                universe.add(conId);
            }
        }
        if (body.contracts() != null) {
            for (ContractDescription d : body.contracts()) {
                universe.add(contracts.resolve(d.toQuery()).conId());
            }
        }
        if (universe.isEmpty() || universe.size() > MAX_CONTRACTS) {
            throw new io.tradergateway.web.InvalidParameterException(
                    "conIds", "a job needs 1 to " + MAX_CONTRACTS + " contracts (conIds and/or contracts)");
        }
        for (int conId : universe) {
            contracts.byConId(conId); // 404 now for an unknown contract, rather than a failed part later
        }
        HistoryJobSpec spec =
                new HistoryJobSpec(List.copyOf(universe), p.barSize(), p.whatToShow(), p.useRth(), p.start(), p.end());
        String id = spec.id();
        boolean created = jobs.insert(id, spec, now);
        if (!created) {
            jobs.retryFailed(id, now); // the same job again: what failed is fetched again (only the store's gaps)
        }
        for (int conId : spec.conIds()) {
            scheduling.schedule(HistoryJobSpec.partId(id, conId)); // idempotent: also heals a crash right here
        }
        return new Submitted(view(id), created);
    }

    HistoryJobView view(String id) {
        HistoryJobSpec spec = jobs.spec(id).orElseThrow(() -> new JobNotFound(id));
        List<HistoryJobView.Part> parts = new ArrayList<>();
        int done = 0;
        int total = 0;
        long bars = 0;
        int left = 0;
        long startedMin = Long.MAX_VALUE;
        int asked = 0;
        long updatedMax = 0;
        for (HistoryJobStore.Part part : jobs.parts(id)) {
            long series =
                    store.seriesId(new BarStore.Series(part.conId(), spec.barSize(), spec.whatToShow(), spec.useRth()));
            long stored = store.count(series, spec.start(), spec.end());
            parts.add(new HistoryJobView.Part(
                    part.conId(),
                    part.state(),
                    part.requestsDone(),
                    part.requestsTotal(),
                    stored,
                    part.errors(),
                    part.lastError()));
            done += part.requestsDone();
            total += part.requestsTotal();
            bars += stored;
            if (part.state().equals("QUEUED") || part.state().equals("RUNNING")) {
                left += Math.max(0, part.requestsTotal() - part.requestsDone());
                if (part.requestsTotal() == 0) {
                    left += 1; // not planned yet: at least one request
                }
            }
            if (part.startedAt() != null) {
                startedMin = Math.min(startedMin, part.startedAt());
                asked += part.twsRequests();
                updatedMax = Math.max(updatedMax, part.updatedAt() == null ? 0 : part.updatedAt());
            }
        }
        String state = state(parts, jobs.cancelled(id));
        double percent = total == 0 ? 0 : Math.round(1000.0 * done / total) / 10.0;
        Long eta = null;
        if (left > 0 && !state.equals("CANCELLED")) {
            Duration paced =
                    HistoryJobEta.fastest(rules, spec.barSize(), spec.conIds().size(), left);
            Duration observed =
                    asked == 0 ? Duration.ZERO : Duration.ofMillis((updatedMax - startedMin) / asked * left);
            eta = Math.max(paced.toSeconds(), observed.toSeconds());
        }
        return new HistoryJobView(
                id,
                state,
                percent,
                done,
                total,
                bars,
                eta,
                spec.conIds(),
                spec.barSize().ibName(),
                spec.whatToShow().name(),
                spec.useRth(),
                spec.start(),
                spec.end(),
                Instant.ofEpochMilli(jobs.createdAt(id)),
                parts);
    }

    private static String state(List<HistoryJobView.Part> parts, boolean cancelled) {
        boolean anyRunning = parts.stream().anyMatch(p -> p.state().equals("RUNNING"));
        boolean anyQueued = parts.stream().anyMatch(p -> p.state().equals("QUEUED"));
        if (cancelled && !parts.stream().allMatch(p -> p.state().equals("DONE"))) {
            return "CANCELLED";
        }
        if (anyRunning || (anyQueued && parts.stream().anyMatch(p -> !p.state().equals("QUEUED")))) {
            return "RUNNING";
        }
        if (anyQueued) {
            return "QUEUED";
        }
        return parts.stream().anyMatch(p -> p.state().equals("DONE")) ? "DONE" : "FAILED";
    }

    List<HistoryJobView> list() {
        return jobs.ids().stream().map(this::view).toList();
    }

    HistoryJobView cancel(String id) {
        HistoryJobSpec spec = jobs.spec(id).orElseThrow(() -> new JobNotFound(id));
        jobs.cancel(id, clock.instant());
        for (int conId : spec.conIds()) {
            scheduling.cancel(HistoryJobSpec.partId(id, conId));
        }
        return view(id);
    }

    /** 404 history-job-not-found. */
    static final class JobNotFound extends ProblemException {
        JobNotFound(String id) {
            super(
                    HttpStatus.NOT_FOUND,
                    ProblemTypes.of("history-job-not-found"),
                    "No such job",
                    "no history job with id '" + shown(id) + "'" + " (GET /api/v1/history/jobs lists them)");
        }

        private static String shown(String id) {
            String safe = id.replaceAll("[^0-9A-Za-z-]", "?");
            return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
        }
    }
}
