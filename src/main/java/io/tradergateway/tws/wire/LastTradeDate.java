package io.tradergateway.tws.wire;

/**
 * TWS's lastTradeDateOrContractMonth field can carry more than a date: "20260116 16:00:00" (or with '-'), and
 * for bonds "maturity time timeZoneId". IB's clients split it: the first part is the date (a bond's maturity),
 * the second the last trade time, the third (bonds) the time zone (ibapi 10.41 decoder_utils.py
 * setLastTradeDate: split on '-' if there is one, else on whitespace).
 *
 * @param date the date or contract month, e.g. "20260116" or "202601"
 * @param time the last trade time, "" when none was sent
 * @param timeZoneId the third part (bonds), "" when none was sent
 */
public record LastTradeDate(String date, String time, String timeZoneId) {

    public static LastTradeDate parse(String field) {
        if (field == null || field.isEmpty()) {
            return new LastTradeDate("", "", "");
        }
        String[] parts = field.contains("-") ? field.split("-") : field.trim().split("\\s+");
        return new LastTradeDate(part(parts, 0), part(parts, 1), part(parts, 2));
    }

    /** The field as TWS sends it: the date, then the time after a space when there is one. */
    static String join(String date, String time) {
        return time == null || time.isEmpty() ? date : date + " " + time;
    }

    private static String part(String[] parts, int index) {
        return parts.length > index ? parts[index] : "";
    }
}
