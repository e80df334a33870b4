package io.tradergateway.history;

import io.tradergateway.contract.ContractInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Splits what a client asked for into TWS requests. A duration request is one request. A range is cut, from its
 * end backwards, into the largest requests IB allows for the bar size ({@link StepSizes#largestFor}); each chunk
 * keeps only bars starting in its own half-open slice [from, to), so slices meet without gaps or overlaps and the
 * stitched result has no duplicates whatever TWS returns at the edges.
 */
final class HistoryPlan {

    /** One TWS request and the slice of its bars that belongs to the result (from/to null: keep everything). */
    record Chunk(BarRequest request, Instant from, Instant to) {
        boolean keeps(Instant time) {
            return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
        }
    }

    private HistoryPlan() {}

    static List<Chunk> of(ContractInfo contract, HistoryParameters p, Instant now, int maxChunks) {
        Instant end = (p.end() != null ? p.end() : now).truncatedTo(ChronoUnit.SECONDS);
        if (p.duration() != null) {
            Instant sentEnd = p.whatToShow() == WhatToShow.ADJUSTED_LAST ? null : end;
            return List.of(new Chunk(request(contract, p, p.duration(), sentEnd), null, null));
        }
        HistoryDuration step = StepSizes.largestFor(p.barSize());
        long estimate = (end.getEpochSecond() - p.start().getEpochSecond()) / step.seconds();
        if (estimate > maxChunks + maxChunks / 10 + 1) { // cheap refusal before building a huge plan
            throw tooLong(p, step, maxChunks);
        }
        Deque<Chunk> chunks = new ArrayDeque<>();
        Instant to = end;
        while (to.isAfter(p.start())) {
            Instant stepStart = step.before(to);
            Instant from = stepStart.isAfter(p.start()) ? stepStart : p.start();
            chunks.addFirst(new Chunk(request(contract, p, step, to), from, to));
            if (chunks.size() > maxChunks) {
                throw tooLong(p, step, maxChunks);
            }
            to = from;
        }
        return List.copyOf(chunks);
    }

    private static InvalidHistoryParameterException tooLong(HistoryParameters p, HistoryDuration step, int maxChunks) {
        return new InvalidHistoryParameterException(
                "start",
                HistoryProblems.INVALID_RANGE,
                "the range needs more than " + maxChunks + " TWS requests of " + step + " (the most IB allows per "
                        + p.barSize() + " request); shorten it or use a larger bar size",
                List.of("at most " + maxChunks + " x " + step + " for " + p.barSize() + " bars"));
    }

    private static BarRequest request(ContractInfo c, HistoryParameters p, HistoryDuration duration, Instant end) {
        return new BarRequest(c.conId(), c.exchange(), p.barSize(), duration, end, p.whatToShow(), p.useRth());
    }
}
