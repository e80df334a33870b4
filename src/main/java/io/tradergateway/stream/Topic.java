package io.tradergateway.stream;

import io.tradergateway.web.InvalidParameterException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing a stream follows, as the client names it: {@code quotes:<conId>}, {@code positions},
 * {@code portfolio:<account>}, {@code pnl:<account>}, {@code pnl:<account>:<conId>} (one position's PnL),
 * {@code status}, {@code orders} (this gateway's orders), {@code executions} (today's fills with their commission).
 * Each kind is one SSE event type ({@link #eventType}).
 *
 * @param key the canonical name (also the `topic` field of every event)
 */
public record Topic(Kind kind, String key, String account, int conId) {

    public enum Kind {
        QUOTES("quote"),
        POSITIONS("positions"),
        PORTFOLIO("portfolio"),
        PNL("pnl"),
        STATUS("status"),
        ORDERS("order"),
        EXECUTIONS("execution");

        private final String eventType;

        Kind(String eventType) {
            this.eventType = eventType;
        }
    }

    /** The names the endpoint accepts, for error messages and the API description. */
    public static final String FORMS =
            "quotes:<conId>, positions, portfolio:<account>, pnl:<account>, pnl:<account>:<conId>, status, orders,"
                    + " executions";

    private static final Pattern SHAPE =
            Pattern.compile("quotes:([1-9][0-9]{0,9})|positions|status|orders|executions|portfolio:([A-Za-z0-9]{1,32})"
                    + "|pnl:([A-Za-z0-9]{1,32})(?::([1-9][0-9]{0,9}))?");

    public String eventType() {
        return kind.eventType;
    }

    /** Parses one topic; 400 {@code invalid-parameter} naming {@code topics} when it is not one of {@link #FORMS}. */
    public static Topic parse(String text) {
        String value = text == null ? "" : text.trim();
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw new InvalidParameterException("topics", "unknown topic '" + shown + "'; topics are " + FORMS);
        }
        if (m.group(1) != null) {
            int conId = parseId(m.group(1));
            return new Topic(Kind.QUOTES, "quotes:" + conId, null, conId);
        }
        if (m.group(2) != null) {
            return new Topic(Kind.PORTFOLIO, "portfolio:" + m.group(2), m.group(2), 0);
        }
        if (m.group(3) != null) {
            int conId = m.group(4) == null ? 0 : parseId(m.group(4));
            String key = "pnl:" + m.group(3) + (conId == 0 ? "" : ":" + conId);
            return new Topic(Kind.PNL, key, m.group(3), conId);
        }
        return switch (value) {
            case "positions" -> new Topic(Kind.POSITIONS, value, null, 0);
            case "orders" -> new Topic(Kind.ORDERS, value, null, 0);
            case "executions" -> new Topic(Kind.EXECUTIONS, value, null, 0);
            default -> new Topic(Kind.STATUS, value, null, 0);
        };
    }

    private static int parseId(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("topics", "conId out of range: " + digits);
        }
    }
}
