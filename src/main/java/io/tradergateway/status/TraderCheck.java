package io.tradergateway.status;

import java.util.Locale;
import java.util.Set;

/**
 * The operator's switch for the status-page check, kept from the system this replaces: {@code TRADER_CHECK}
 * set to False, false, 0 or no (any case) turns the check off, because the page sometimes shows red that
 * does not affect trading. Absent or any other value leaves it on.
 *
 * @param value the variable as set, null if absent
 */
public record TraderCheck(boolean enabled, String value) {

    public static final String VARIABLE = "TRADER_CHECK";

    private static final Set<String> OFF = Set.of("false", "0", "no");

    static TraderCheck of(String value) {
        boolean off = value != null && OFF.contains(value.trim().toLowerCase(Locale.ROOT));
        return new TraderCheck(!off, value);
    }

    /** What health and status say while the check is off, so nobody forgets it is. */
    String disabledDetail() {
        return "IB status-page check disabled by " + VARIABLE + "=" + value;
    }
}
