package io.tradergateway.history;

import io.tradergateway.web.InvalidParameterException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The history request's own parameters (the contract is validated by the contract package), parsed and checked
 * once at the edge against IB's rules, so that nothing TWS would refuse is ever sent: every violation names its
 * parameter and what is allowed.
 *
 * <p>Two shapes: a {@code duration} (one TWS request ending at {@code end}, validated strictly against IB's
 * step-size table), or a {@code start}..{@code end} range, which the gateway splits into the largest requests IB
 * allows for the bar size.
 *
 * @param duration null for a range
 * @param start null for a duration request
 * @param end the end of the data, never in the future; null = now, decided when the request is planned
 */
record HistoryParameters(
        BarSize barSize, HistoryDuration duration, Instant start, Instant end, WhatToShow whatToShow, boolean useRth) {

    static HistoryParameters parse(
            String barSize, String duration, String start, String end, String whatToShow, String useRth, Clock clock) {
        BarSize size = BarSize.parse(barSize);
        WhatToShow what = WhatToShow.parse(whatToShow);
        boolean rth = parseBoolean(useRth);
        Instant now = clock.instant();
        Instant to = blank(end) ? null : instant("end", end);
        if (to != null && to.isAfter(now)) {
            throw new InvalidHistoryParameterException(
                    "end", HistoryProblems.INVALID_RANGE, "end " + to + " is in the future", List.of("<= now"));
        }
        if (!blank(duration) && !blank(start)) {
            throw new InvalidHistoryParameterException(
                    "duration",
                    HistoryProblems.INVALID_RANGE,
                    "give either duration or start (with an optional end), not both",
                    List.of("duration", "start"));
        }
        if (blank(duration) && blank(start)) {
            throw new InvalidHistoryParameterException(
                    "duration",
                    HistoryProblems.INVALID_DURATION,
                    "duration (e.g. 1 D) or start (ISO-8601 with zone) is required",
                    List.of("<n> S", "<n> D", "<n> W", "<n> M", "<n> Y"));
        }
        if (!blank(duration)) {
            HistoryDuration span = HistoryDuration.parse(duration);
            List<BarSize> allowed = StepSizes.allowed(span);
            if (!allowed.contains(size)) {
                throw new InvalidHistoryParameterException(
                        "barSize",
                        HistoryProblems.INVALID_BAR_SIZE,
                        "barSize " + size + " is not allowed with duration " + span
                                + " (IB's step-size table); allowed: "
                                + (allowed.isEmpty() ? "none, use a longer duration" : BarSize.names(allowed)),
                        allowed.stream().map(BarSize::ibName).toList());
            }
            if (what == WhatToShow.ADJUSTED_LAST && to != null) {
                adjustedLastWithEnd();
            }
            return new HistoryParameters(size, span, null, to, what, rth);
        }
        Instant from = instant("start", start);
        if (!from.isBefore(to == null ? now : to)) {
            throw new InvalidHistoryParameterException(
                    "start", HistoryProblems.INVALID_RANGE, "start must be before end", List.of("< end"));
        }
        if (what == WhatToShow.ADJUSTED_LAST) {
            adjustedLastWithEnd();
        }
        return new HistoryParameters(size, null, from, to, what, rth);
    }

    /** IB: ADJUSTED_LAST requests must leave endDateTime empty, so they cannot be placed in time or split. */
    private static void adjustedLastWithEnd() {
        throw new InvalidHistoryParameterException(
                "whatToShow",
                HistoryProblems.INVALID_WHAT_TO_SHOW,
                "ADJUSTED_LAST only works with a duration ending now (TWS refuses an end time for it)",
                List.of("duration without start and end"));
    }

    private static Instant instant(String parameter, String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException again) {
                throw new InvalidHistoryParameterException(
                        parameter,
                        HistoryProblems.INVALID_RANGE,
                        parameter + " '" + shown(text)
                                + "' is not an ISO-8601 date-time with zone, e.g. 2026-01-02T15:30:00Z or "
                                + "2026-01-02T09:30:00-05:00",
                        List.of("ISO-8601 date-time with offset or zone"));
            }
        }
    }

    private static boolean parseBoolean(String text) {
        if (blank(text)) {
            return true; // IB's default advice: regular trading hours unless asked otherwise
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidParameterException("useRth", "useRth must be true or false");
        };
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The value as it may be shown back to a client: short, without markup or control characters. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.length() <= 32 ? value : value.substring(0, 32) + "...";
        return shown.replaceAll("[^A-Za-z0-9 .,:/+_-]", "?");
    }
}
