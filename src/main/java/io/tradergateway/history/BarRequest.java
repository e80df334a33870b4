package io.tradergateway.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One historical request as TWS sees it. Being a value, it is the key of everything that must treat identical
 * requests alike: coalescing of concurrent ones, the result cache and IB's "identical request" pacing rule.
 *
 * @param end the endDateTime, whole seconds; null means "now" (ADJUSTED_LAST, where IB allows no end)
 */
record BarRequest(
        int conId,
        String exchange,
        BarSize barSize,
        HistoryDuration duration,
        Instant end,
        WhatToShow whatToShow,
        boolean useRth) {

    /** rust-ibapi v2.10.0 sends endDateTime as "yyyyMMdd HH:mm:ss UTC" (src/market_data/historical/common/encoders.rs). */
    private static final DateTimeFormatter END =
            DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    String endDateTime() {
        return end == null ? "" : END.format(end);
    }

    /** The scope of IB's burst rule: same contract, exchange and tick type. */
    record Scope(int conId, String exchange, WhatToShow whatToShow) {}

    PacingGate.Paced paced() {
        return new PacingGate.Paced(this, new Scope(conId, exchange, whatToShow), whatToShow, barSize.seconds());
    }

    /** No bar of the answer can still change: the last one ended before now. */
    boolean isFinal(Instant now) {
        return end != null && !end.plusSeconds(barSize.seconds()).isAfter(now);
    }

    /**
     * The most bars the answer can carry: one per bar length of the requested duration (calendar months and years
     * counted as they fall before {@code end}), plus one. What a download budgets for the answer before it arrives.
     */
    long maxBars() {
        long span = end == null
                ? duration.seconds()
                : end.getEpochSecond() - duration.before(end).getEpochSecond();
        return Math.max(span, duration.seconds()) / barSize.seconds() + 1;
    }
}
