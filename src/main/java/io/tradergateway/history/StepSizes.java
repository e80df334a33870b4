package io.tradergateway.history;

import java.util.List;

/**
 * IB's "step size" table: which bar sizes one historical request of a given duration may use, and so the largest
 * single request for a bar size (used to split long ranges). Rows from IB's historical data limitations page as
 * collected in /work/shared/IB-FACTS.md. A duration between two rows takes the next larger row (the stricter
 * minimum); above 1 Y only daily and longer bars are allowed. A bar is never longer than the duration.
 */
final class StepSizes {

    private record Row(HistoryDuration duration, BarSize min, BarSize max) {}

    private static final List<Row> ROWS = List.of(
            row("60 S", "1 secs", "1 min"),
            row("120 S", "1 secs", "2 mins"),
            row("1800 S", "1 secs", "30 mins"),
            row("3600 S", "5 secs", "1 hour"),
            row("14400 S", "10 secs", "3 hours"),
            row("28800 S", "30 secs", "8 hours"),
            row("1 D", "1 min", "1 day"),
            row("2 D", "2 mins", "1 day"),
            row("1 W", "3 mins", "1 week"),
            row("1 M", "30 mins", "1 month"),
            row("1 Y", "1 day", "1 month"));

    private StepSizes() {}

    private static Row row(String duration, String min, String max) {
        return new Row(HistoryDuration.parse(duration), BarSize.parse(min), BarSize.parse(max));
    }

    /** The bar sizes one request of this duration may use. */
    static List<BarSize> allowed(HistoryDuration duration) {
        BarSize min = BarSize.parse("1 day");
        BarSize max = BarSize.parse("1 month");
        for (Row row : ROWS) {
            if (row.duration.seconds() >= duration.seconds()) {
                min = row.min;
                max = row.max;
                break;
            }
        }
        BarSize lo = min;
        BarSize hi = max;
        return BarSize.ALL.stream()
                .filter(b -> b.compareTo(lo) >= 0 && b.compareTo(hi) <= 0 && b.seconds() <= duration.seconds())
                .toList();
    }

    /** The longest duration one request with this bar size may cover: the size of a chunk of a long range. */
    static HistoryDuration largestFor(BarSize barSize) {
        HistoryDuration largest = null;
        for (Row row : ROWS) {
            if (barSize.compareTo(row.min) >= 0 && barSize.compareTo(row.max) <= 0) {
                largest = row.duration;
            }
        }
        return largest;
    }
}
