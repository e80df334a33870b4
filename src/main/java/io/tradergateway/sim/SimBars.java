package io.tradergateway.sim;

import io.tradergateway.tws.wire.HistoricalData;
import io.tradergateway.tws.wire.ReqHistoricalData;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's bars: a pure function of (seed, conId, whatToShow, bar size, time), so every request for the
 * same bars gets the same numbers, which is what lets tests check stitching. Trading hours, simplified: stocks
 * and options Monday to Friday 09:30-16:00 exchange time (04:00-20:00 outside RTH); futures 08:30-15:00 RTH,
 * else the whole weekday; forex and the rest the whole weekday. No holidays.
 */
final class SimBars {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final long seed;

    SimBars(long seed) {
        this.seed = seed;
    }

    List<HistoricalData.Bar> bars(
            SimContract c, ReqHistoricalData request, long barSeconds, Instant start, Instant end) {
        ZoneId zone = zoneOf(c);
        List<HistoricalData.Bar> bars = new ArrayList<>();
        LocalDate first = start.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = end.atZone(zone).toLocalDate();
        if (barSeconds >= 86400) {
            LocalDate day = first;
            if (barSeconds == 7 * 86400) {
                day = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            } else if (barSeconds > 7 * 86400) {
                day = first.withDayOfMonth(1);
            }
            for (; !day.isAfter(last); day = next(day, barSeconds)) {
                Instant t = day.atStartOfDay(zone).toInstant();
                if (weekday(day) && !t.isBefore(start) && t.isBefore(end) && bars.size() < SimHistory.MAX_BARS) {
                    bars.add(bar(c, request, DAY.format(day), t, barSeconds));
                }
            }
            return bars;
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!weekday(day)) {
                continue;
            }
            LocalTime[] session = session(c, request.useRth());
            long open = day.atTime(session[0]).atZone(zone).toEpochSecond();
            long close = session[1] == LocalTime.MAX
                    ? day.plusDays(1).atStartOfDay(zone).toEpochSecond()
                    : day.atTime(session[1]).atZone(zone).toEpochSecond();
            long from = Math.max(open, start.getEpochSecond());
            long to = Math.min(close, end.getEpochSecond());
            long t = Math.floorDiv(from, barSeconds) * barSeconds;
            for (; t < to && bars.size() < SimHistory.MAX_BARS; t += barSeconds) {
                if (t >= start.getEpochSecond() && t + barSeconds > open) {
                    bars.add(bar(c, request, Long.toString(t), Instant.ofEpochSecond(t), barSeconds));
                }
            }
        }
        return bars;
    }

    private static LocalDate next(LocalDate day, long barSeconds) {
        if (barSeconds == 86400) {
            return day.plusDays(1);
        }
        return barSeconds == 7 * 86400 ? day.plusWeeks(1) : day.plusMonths(1);
    }

    private static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static LocalTime[] session(SimContract c, boolean rth) {
        return switch (c.secType()) {
            case "STK", "OPT" ->
                rth
                        ? new LocalTime[] {LocalTime.of(9, 30), LocalTime.of(16, 0)}
                        : new LocalTime[] {LocalTime.of(4, 0), LocalTime.of(20, 0)};
            case "FUT" ->
                rth
                        ? new LocalTime[] {LocalTime.of(8, 30), LocalTime.of(15, 0)}
                        : new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.MAX};
            default -> new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.MAX};
        };
    }

    private static ZoneId zoneOf(SimContract c) {
        try {
            return ZoneId.of(c.timeZoneId());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private HistoricalData.Bar bar(SimContract c, ReqHistoricalData request, String date, Instant t, long seconds) {
        String what = request.whatToShow();
        long at = t.getEpochSecond();
        double open = price(c, at);
        double close = price(c, at + seconds);
        double high = Math.max(open, close) * (1 + 0.002 * unit(c.conId(), at, 1));
        double low = Math.min(open, close) * (1 - 0.002 * unit(c.conId(), at, 2));
        double spread = c.minTick() * 2;
        switch (what) {
            case "BID" -> {
                open -= spread;
                high -= spread;
                low -= spread;
                close -= spread;
            }
            case "ASK" -> {
                open += spread;
                high += spread;
                low += spread;
                close += spread;
            }
            case "BID_ASK" -> {
                low -= spread;
                high += spread;
            }
            case "HISTORICAL_VOLATILITY", "OPTION_IMPLIED_VOLATILITY" -> {
                double vol = 0.2 + 0.1 * unit(c.conId(), at, 3);
                open = vol;
                close = vol * 1.01;
                high = vol * 1.02;
                low = vol * 0.99;
            }
            default -> {
                // TRADES, MIDPOINT, ADJUSTED_LAST: the price path itself
            }
        }
        boolean trades = what.equals("TRADES") || what.equals("ADJUSTED_LAST");
        long volume = trades ? 100 + (long) (unit(c.conId(), at, 4) * 10_000 * Math.sqrt(seconds)) : -1;
        double wap = trades ? round((open + high + low + close) / 4) : -1;
        int count = trades ? (int) (volume / 37 + 1) : -1;
        return new HistoricalData.Bar(
                date,
                round(open),
                round(high),
                round(low),
                round(close),
                BigDecimal.valueOf(volume),
                BigDecimal.valueOf(wap),
                count);
    }

    /** A smooth deterministic path around the contract's base price with a little seeded noise. */
    private double price(SimContract c, long at) {
        double slow = Math.sin(2 * Math.PI * at / (86400.0 * 37));
        double fast = Math.sin(2 * Math.PI * at / (86400.0 * 3.3) + c.conId() % 7);
        double noise = unit(c.conId(), at, 0) - 0.5;
        return c.basePrice() * (1 + 0.08 * slow + 0.02 * fast + 0.002 * noise);
    }

    /** A deterministic number in [0, 1) from the seed, the contract, the time and a salt. */
    private double unit(int conId, long at, int salt) {
        long x = seed * 0x9E3779B97F4A7C15L + conId * 0xC2B2AE3D27D4EB4FL + at * 0x165667B19E3779F9L + salt;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return (x >>> 11) / (double) (1L << 53);
    }

    private static double round(double value) {
        double scale = Math.abs(value) >= 10 ? 1e4 : 1e6;
        return Math.round(value * scale) / scale;
    }
}
