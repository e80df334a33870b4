package io.tradergateway.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a bulk job is, and so who it is: its universe (conIds, sorted, once each), bar size, whatToShow, useRth and
 * range. Two POSTs of the same spec are one job: the id is a hash of the spec.
 */
record HistoryJobSpec(
        List<Integer> conIds, BarSize barSize, WhatToShow whatToShow, boolean useRth, Instant start, Instant end) {

    HistoryJobSpec {
        conIds = conIds.stream().distinct().sorted().toList();
    }

    String canonical() {
        return conIds.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "|" + barSize.ibName() + "|" + whatToShow.name() + "|" + useRth + "|" + start.getEpochSecond()
                + "|" + end.getEpochSecond();
    }

    String id() {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    HistoryParameters parameters() {
        return new HistoryParameters(barSize, null, start, end, whatToShow, useRth);
    }

    /** The db-scheduler task instance of one contract's part. */
    static String partId(String jobId, int conId) {
        return jobId + "-" + conId;
    }
}
