package io.tradergateway.sim;

import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.HistoricalData;
import io.tradergateway.tws.wire.HistoricalDataEnd;
import io.tradergateway.tws.wire.ReqHistoricalData;
import io.tradergateway.tws.wire.ServerVersions;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers reqHistoricalData as TWS would: pacing enforced first ({@link SimPacing}), then deterministic bars
 * for the requested range, bar size, whatToShow and trading hours, encoded for the session's server version
 * (historicalDataEnd from 196). Bars are a pure function of (seed, conId, whatToShow, bar size, time), so every
 * request for the same bars gets the same numbers, which is what lets tests check stitching.
 *
 * <p>Trading hours, simplified: stocks and options Monday to Friday 09:30-16:00 exchange time (04:00-20:00
 * outside RTH); futures 08:30-15:00 RTH, else the whole weekday; forex and the rest the whole weekday. No holidays.
 */
public final class SimHistory {

    static final int HISTORICAL_ERROR = ErrorCodes.HISTORICAL_DATA_ERROR;
    static final String NO_DATA = "Historical Market Data Service error message:HMDS query returned no data: ";
    /** What TWS sends when HMDS gives up on a query (IB-FACTS.md: 162 is also "query cancelled"). */
    static final String QUERY_CANCELLED =
            "Historical Market Data Service error message:API historical data query cancelled: ";

    static final String TOO_LONG = "Historical Market Data Service error message:Time length exceed max.";
    static final int MAX_BARS = 200_000;
    /** IB: at most 50 historical requests open at once per client session. */
    static final int MAX_OPEN = 50;

    static final String TOO_MANY_OPEN =
            "Historical Market Data Service error message:Max number of simultaneous requests exceeded (50)";

    private static final Map<String, Long> BAR_SECONDS = Map.ofEntries(
            Map.entry("1 secs", 1L),
            Map.entry("5 secs", 5L),
            Map.entry("10 secs", 10L),
            Map.entry("15 secs", 15L),
            Map.entry("30 secs", 30L),
            Map.entry("1 min", 60L),
            Map.entry("2 mins", 120L),
            Map.entry("3 mins", 180L),
            Map.entry("5 mins", 300L),
            Map.entry("10 mins", 600L),
            Map.entry("15 mins", 900L),
            Map.entry("20 mins", 1200L),
            Map.entry("30 mins", 1800L),
            Map.entry("1 hour", 3600L),
            Map.entry("2 hours", 7200L),
            Map.entry("3 hours", 10800L),
            Map.entry("4 hours", 14400L),
            Map.entry("8 hours", 28800L),
            Map.entry("1 day", 86400L),
            Map.entry("1 week", 7 * 86400L),
            Map.entry("1 month", 30 * 86400L));

    private static final Pattern DURATION = Pattern.compile("(\\d+) ([SDWMY])");
    private static final DateTimeFormatter RANGE = DateTimeFormatter.ofPattern("yyyyMMdd  HH:mm:ss");

    private final SimBars generator;
    private final Clock clock;
    private final SimPacing pacing;
    private final java.util.concurrent.Executor hmds;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.List<Runnable> held = new java.util.ArrayList<>();
    private boolean holding; // guarded by held
    private final Map<String, Boolean> failing = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger peakOpen = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param hmds where bars are built and sent: not on the session's reader thread, so that the reader stamps
     *     each request when it arrives (as IB's servers do) instead of after the previous answer was written
     */
    SimHistory(long seed, Clock clock, SimPacing pacing, java.util.concurrent.Executor hmds) {
        this.generator = new SimBars(seed);
        this.clock = clock;
        this.pacing = pacing;
        this.hmds = hmds;
    }

    void answer(SimSession session, ReqHistoricalData request, int serverVersion) throws IOException {
        Instant now = clock.instant();
        Long size = BAR_SECONDS.get(request.barSize());
        if (size != null && pacing.violates(request, size, now)) {
            session.error(request.reqId(), HISTORICAL_ERROR, SimPacing.VIOLATION);
            return;
        }
        if (failing.containsKey(request.endDateTime())) {
            session.error(request.reqId(), HISTORICAL_ERROR, QUERY_CANCELLED + request.reqId());
            return;
        }
        int nowOpen = open.incrementAndGet();
        if (nowOpen > MAX_OPEN) {
            open.decrementAndGet();
            pacing.countViolation();
            session.error(request.reqId(), HISTORICAL_ERROR, TOO_MANY_OPEN);
            return;
        }
        peakOpen.accumulateAndGet(nowOpen, Math::max);
        Runnable work = () -> {
            try {
                serve(session, request, serverVersion, now);
            } catch (IOException | RuntimeException e) {
                session.close();
            } finally {
                open.decrementAndGet();
            }
        };
        synchronized (held) {
            if (holding) {
                held.add(work); // a slow HMDS: the request stays open
                return;
            }
        }
        hmds.execute(work);
    }

    /** Holds every new answer (requests stay open) until {@code false} releases them in order. */
    void hold(boolean value) {
        java.util.List<Runnable> release;
        synchronized (held) {
            holding = value;
            if (value) {
                return;
            }
            release = java.util.List.copyOf(held);
            held.clear();
        }
        release.forEach(hmds::execute);
    }

    /** Historical requests accepted and not yet answered. */
    public int open() {
        return open.get();
    }

    /** The most historical requests that were open at once since start (or the last reset). */
    public int peakOpen() {
        return peakOpen.get();
    }

    public void resetPeakOpen() {
        peakOpen.set(open.get());
    }

    /** HMDS gives up on every request with this endDateTime (162 "query cancelled"), or stops doing so. */
    public void fail(String endDateTime, boolean value) {
        if (value) {
            failing.put(endDateTime, Boolean.TRUE);
        } else {
            failing.remove(endDateTime);
        }
    }

    void clearFailures() {
        failing.clear();
    }

    private void serve(SimSession session, ReqHistoricalData request, int serverVersion, Instant now)
            throws IOException {
        Long barSeconds = BAR_SECONDS.get(request.barSize());
        if (barSeconds == null) {
            session.error(
                    request.reqId(),
                    ErrorCodes.VALIDATION_FAILED,
                    "Error validating request.-'bP' : cause - Historical data bar size setting is invalid.");
            return;
        }
        Optional<SimContract> found = request.conId() > 0
                ? SimContracts.byConId(request.conId())
                : SimContracts.matching(
                                request.symbol(), request.secType(), request.exchange(), request.currency(), "", 0, "")
                        .stream()
                        .findFirst();
        if (found.isEmpty()) {
            session.error(request.reqId(), SimContractDesk.NO_SECURITY_DEFINITION, SimContractDesk.NO_SECURITY_TEXT);
            return;
        }
        SimContract contract = found.get();
        Matcher duration = DURATION.matcher(request.duration());
        Instant end = endOf(request.endDateTime(), now);
        if (!duration.matches() || end == null) {
            session.error(
                    request.reqId(),
                    ErrorCodes.VALIDATION_FAILED,
                    "Error validating request.-'bP' : cause - invalid duration or end");
            return;
        }
        if (end.isAfter(now)) {
            end = now;
        }
        Instant start = before(
                end, Integer.parseInt(duration.group(1)), duration.group(2).charAt(0));
        if ((end.getEpochSecond() - start.getEpochSecond()) / barSeconds > MAX_BARS * 4L) {
            session.error(request.reqId(), HISTORICAL_ERROR, TOO_LONG);
            return;
        }
        List<HistoricalData.Bar> bars = generator.bars(contract, request, barSeconds, start, end);
        if (bars.isEmpty()) {
            session.error(
                    request.reqId(),
                    HISTORICAL_ERROR,
                    NO_DATA + contract.symbol() + "@" + request.exchange() + " " + request.whatToShow());
            return;
        }
        String from = RANGE.format(start.atZone(ZoneOffset.UTC));
        String to = RANGE.format(end.atZone(ZoneOffset.UTC));
        session.send(new HistoricalData(request.reqId(), from, to, bars));
        if (serverVersion >= ServerVersions.HISTORICAL_DATA_END) {
            session.send(new HistoricalDataEnd(request.reqId(), from, to));
        }
    }

    /** "" is now; "yyyyMMdd HH:mm:ss UTC", "yyyyMMdd HH:mm:ss <zone>" or "yyyyMMdd-HH:mm:ss" (UTC). */
    static Instant endOf(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            String t = text.trim();
            if (t.length() == 17 && t.charAt(8) == '-') {
                return LocalDateTime.parse(t, DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss"))
                        .toInstant(ZoneOffset.UTC);
            }
            String[] parts = t.split("\\s+");
            LocalDateTime local =
                    LocalDateTime.parse(parts[0] + " " + parts[1], DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss"));
            ZoneId zone = parts.length > 2 ? ZoneId.of(parts[2].equals("UTC") ? "Z" : parts[2]) : ZoneOffset.UTC;
            return local.atZone(zone).toInstant();
        } catch (ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            return null;
        }
    }

    static Instant before(Instant end, int amount, char unit) {
        var at = end.atZone(ZoneOffset.UTC);
        return switch (unit) {
            case 'S' -> end.minusSeconds(amount);
            case 'D' -> at.minusDays(amount).toInstant();
            case 'W' -> at.minusWeeks(amount).toInstant();
            case 'M' -> at.minusMonths(amount).toInstant();
            default -> at.minusYears(amount).toInstant();
        };
    }
}
