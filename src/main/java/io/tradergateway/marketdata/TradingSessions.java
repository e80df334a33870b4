package io.tradergateway.marketdata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a contract's exchange is open, from the hours TWS gives in its contract details ({@code tradingHours} or
 * {@code liquidHours}, in the contract's {@code timeZoneId}). Both of IB's forms are read: {@code
 * 20261126:0930-20261126:1600;20261127:CLOSED} (TWS 970 and later) and {@code 20090507:0700-1830,1830-2330} (older).
 * The schedule covers the days it lists; at any other time (no hours given, a schedule too old or unreadable) the
 * hours are not known and silence always counts, so a dead feed is never hidden by missing data.
 */
final class TradingSessions {

    /** Silence always counts: no schedule known. */
    static final TradingSessions ALWAYS = new TradingSessions(List.of(), null, null);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final Pattern NEW_FORM = Pattern.compile("(\\d{8}):(\\d{4})-(\\d{8}):(\\d{4})");
    private static final Pattern OLD_FORM = Pattern.compile("(\\d{8}):(\\d{4}-\\d{4}(?:,\\d{4}-\\d{4})*)");
    private static final Pattern CLOSED = Pattern.compile("(\\d{8}):CLOSED");

    private record Session(Instant start, Instant end) {}

    private final List<Session> sessions;
    private final Instant coveredFrom;
    private final Instant coveredTo;

    private TradingSessions(List<Session> sessions, Instant coveredFrom, Instant coveredTo) {
        this.sessions = sessions;
        this.coveredFrom = coveredFrom;
        this.coveredTo = coveredTo;
    }

    /** The sessions of {@code hours} in {@code timeZoneId}; {@link #ALWAYS} when either is missing or unreadable. */
    static TradingSessions parse(String hours, String timeZoneId) {
        if (hours == null || hours.isBlank() || timeZoneId == null || timeZoneId.isBlank()) {
            return ALWAYS;
        }
        try {
            ZoneId zone = ZoneId.of(timeZoneId.trim(), ZoneId.SHORT_IDS);
            List<Session> sessions = new ArrayList<>();
            LocalDate first = null;
            LocalDate last = null;
            for (String part : hours.split(";")) {
                String day = part.trim();
                if (day.isEmpty()) {
                    continue;
                }
                Matcher m;
                LocalDate date;
                if ((m = NEW_FORM.matcher(day)).matches()) {
                    date = LocalDate.parse(m.group(1), DAY);
                    LocalDate endDate = LocalDate.parse(m.group(3), DAY);
                    sessions.add(session(date, m.group(2), endDate, m.group(4), zone));
                    last = max(last, endDate);
                } else if ((m = OLD_FORM.matcher(day)).matches()) {
                    date = LocalDate.parse(m.group(1), DAY);
                    for (String range : m.group(2).split(",")) {
                        String[] ends = range.split("-");
                        LocalDate endDate = ends[1].compareTo(ends[0]) <= 0 ? date.plusDays(1) : date;
                        sessions.add(session(date, ends[0], endDate, ends[1], zone));
                        last = max(last, endDate);
                    }
                } else if ((m = CLOSED.matcher(day)).matches()) {
                    date = LocalDate.parse(m.group(1), DAY);
                } else {
                    return ALWAYS;
                }
                first = first == null || date.isBefore(first) ? date : first;
                last = max(last, date);
            }
            if (first == null) {
                return ALWAYS;
            }
            return new TradingSessions(
                    List.copyOf(sessions),
                    first.atStartOfDay(zone).toInstant(),
                    last.plusDays(1).atStartOfDay(zone).toInstant());
        } catch (DateTimeException | IllegalArgumentException e) {
            return ALWAYS;
        }
    }

    /**
     * From when silence counts at {@code now}: the start of the session open now, {@link Instant#MIN} when the
     * schedule does not cover now (hours unknown: silence always counts), or null when the exchange is closed.
     */
    Instant silenceCountsSince(Instant now) {
        if (coveredFrom == null || now.isBefore(coveredFrom) || !now.isBefore(coveredTo)) {
            return Instant.MIN;
        }
        for (Session s : sessions) {
            if (!now.isBefore(s.start()) && now.isBefore(s.end())) {
                return s.start();
            }
        }
        return null;
    }

    private static Session session(LocalDate day, String from, LocalDate endDay, String to, ZoneId zone) {
        Instant start =
                LocalDateTime.of(day, LocalTime.parse(from, TIME)).atZone(zone).toInstant();
        boolean midnight = to.equals("2400"); // the end of the day, as some schedules write it
        Instant end = LocalDateTime.of(
                        midnight ? endDay.plusDays(1) : endDay, LocalTime.parse(midnight ? "0000" : to, TIME))
                .atZone(zone)
                .toInstant();
        return new Session(start, end);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
