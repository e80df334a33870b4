package io.tradergateway.history;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of the bar sizes TWS accepts, parsed once at the edge from IB's spelling ("1 min", "5 secs", "1 hour") or a
 * friendly form ("1m", "5s", "1h", "1d", "1w", "1mo"). {@code seconds} orders sizes and sizes windows; weeks and
 * months use 7 and 30 days, which is exact enough for that.
 *
 * @param ibName the spelling sent to TWS (IB's list in /work/shared/IB-FACTS.md, from IB's historical data docs)
 */
public record BarSize(String ibName, long seconds) implements Comparable<BarSize> {

    public static final List<BarSize> ALL = List.of(
            new BarSize("1 secs", 1),
            new BarSize("5 secs", 5),
            new BarSize("10 secs", 10),
            new BarSize("15 secs", 15),
            new BarSize("30 secs", 30),
            new BarSize("1 min", 60),
            new BarSize("2 mins", 120),
            new BarSize("3 mins", 180),
            new BarSize("5 mins", 300),
            new BarSize("10 mins", 600),
            new BarSize("15 mins", 900),
            new BarSize("20 mins", 1200),
            new BarSize("30 mins", 1800),
            new BarSize("1 hour", 3600),
            new BarSize("2 hours", 7200),
            new BarSize("3 hours", 10800),
            new BarSize("4 hours", 14400),
            new BarSize("8 hours", 28800),
            new BarSize("1 day", 86400),
            new BarSize("1 week", 7 * 86400),
            new BarSize("1 month", 30 * 86400));

    public static final String ALLOWED = names(ALL);

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([A-Za-z]+)");

    public BarSize {
        if (ibName == null || seconds <= 0) {
            throw new IllegalArgumentException("not a bar size");
        }
    }

    /** The bar size, or {@link InvalidHistoryParameterException} listing IB's spellings. */
    public static BarSize parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("barSize is required, e.g. barSize=1 min (or 1m)");
        }
        Matcher m = FORM.matcher(text.trim());
        if (m.matches()) {
            long seconds = unitSeconds(m.group(2));
            if (seconds > 0) {
                long total = Long.parseLong(m.group(1)) * seconds;
                for (BarSize size : ALL) {
                    if (size.seconds == total) {
                        return size;
                    }
                }
            }
        }
        throw invalid("barSize '" + HistoryParameters.shown(text) + "' is not a bar size TWS accepts");
    }

    private static long unitSeconds(String unit) {
        if (unit.equals("M") || unit.equalsIgnoreCase("mo") || unit.equalsIgnoreCase("month")) {
            return 30 * 86400; // capital M is month, as in IB's duration units; lower-case m is minute
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "s", "sec", "secs", "second", "seconds" -> 1;
            case "m", "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hrs", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86400;
            case "w", "wk", "week", "weeks" -> 7 * 86400;
            case "months" -> 30 * 86400;
            default -> 0;
        };
    }

    private static InvalidHistoryParameterException invalid(String detail) {
        return new InvalidHistoryParameterException(
                "barSize",
                HistoryProblems.INVALID_BAR_SIZE,
                detail,
                ALL.stream().map(BarSize::ibName).toList());
    }

    static String names(List<BarSize> sizes) {
        return sizes.stream().map(BarSize::ibName).collect(Collectors.joining(", "));
    }

    @Override
    public int compareTo(BarSize other) {
        return Long.compare(seconds, other.seconds);
    }

    @Override
    public String toString() {
        return ibName;
    }
}
