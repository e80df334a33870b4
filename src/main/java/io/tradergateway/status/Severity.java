package io.tradergateway.status;

import java.util.Locale;

/**
 * The state of one message on IB's status page, which the page encodes only as the colour of the row's first
 * cell (colours from the page's legend, see /work/shared/IB-FACTS.md).
 */
public enum Severity {
    OUTAGE("#cc3333"),
    MAINTENANCE("#ffcc00"),
    INFORMATION("#99cccc"),
    NORMAL("#66cc33"),
    RESOLVED("#999999"),
    /** A colour the legend does not have, or none: the page changed, so nothing can be concluded. */
    UNKNOWN(null);

    private final String colour;

    Severity(String colour) {
        this.colour = colour;
    }

    /** Whether a message of this severity, if relevant, stops the status from being UP. */
    boolean mayBlockTrading() {
        return this == OUTAGE || this == MAINTENANCE || this == UNKNOWN;
    }

    /** Maps {@code #CC3333}, {@code cc3333} or {@code #c33} to a severity; anything else is UNKNOWN. */
    static Severity ofColour(String raw) {
        String colour = normalise(raw);
        for (Severity severity : values()) {
            if (severity.colour != null && severity.colour.equals(colour)) {
                return severity;
            }
        }
        return UNKNOWN;
    }

    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String hex = raw.trim().toLowerCase(Locale.ROOT);
        if (!hex.startsWith("#")) {
            hex = "#" + hex;
        }
        if (hex.matches("#[0-9a-f]{3}")) {
            hex = "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3);
        }
        return hex;
    }
}
