package io.tradergateway.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TWS duration, "{@code <n> <unit>}" with unit S, D, W, M or Y, parsed once at the edge. {@code seconds} is the
 * span used for validation against IB's step-size table (months 30 days, years 365); {@link #before} steps back on
 * the calendar, which is how the simulator and the range splitter read it.
 */
public record HistoryDuration(int amount, char unit) {

    /** IB refuses second-durations above one day ("use D"). */
    static final int MAX_SECONDS = 86400;

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*([SDWMYsdwy])");

    public HistoryDuration {
        if (amount <= 0 || "SDWMY".indexOf(unit) < 0) {
            throw new IllegalArgumentException("not a duration: " + amount + " " + unit);
        }
    }

    public static HistoryDuration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw invalid("duration '" + HistoryParameters.shown(text)
                    + "' must be <n> <unit> with unit S, D, W, M or Y, e.g. 1 D or 3600 S");
        }
        int amount = Integer.parseInt(m.group(1));
        char unit =
                m.group(2).equals("m") ? 'M' : Character.toUpperCase(m.group(2).charAt(0));
        if (amount == 0) {
            throw invalid("duration must be positive");
        }
        if (unit == 'S' && amount > MAX_SECONDS) {
            throw invalid("durations in seconds go up to " + MAX_SECONDS + " S; use D, W, M or Y for longer");
        }
        return new HistoryDuration(amount, unit);
    }

    private static InvalidHistoryParameterException invalid(String detail) {
        return new InvalidHistoryParameterException(
                "duration",
                HistoryProblems.INVALID_DURATION,
                detail,
                List.of("<n> S", "<n> D", "<n> W", "<n> M", "<n> Y"));
    }

    public long seconds() {
        return switch (unit) {
            case 'S' -> amount;
            case 'D' -> amount * 86400L;
            case 'W' -> amount * 7 * 86400L;
            case 'M' -> amount * 30 * 86400L;
            default -> amount * 365 * 86400L;
        };
    }

    /** The instant this duration before {@code end}, stepping back on the UTC calendar. */
    public Instant before(Instant end) {
        ZonedDateTime at = end.atZone(ZoneOffset.UTC);
        return switch (unit) {
            case 'S' -> end.minusSeconds(amount);
            case 'D' -> at.minusDays(amount).toInstant();
            case 'W' -> at.minusWeeks(amount).toInstant();
            case 'M' -> at.minusMonths(amount).toInstant();
            default -> at.minusYears(amount).toInstant();
        };
    }

    /** As TWS spells it: "1800 S". */
    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
