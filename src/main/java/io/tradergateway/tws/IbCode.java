package io.tradergateway.tws;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * IB's message codes that the gateway acts on, each classed once here (source: IB's "TWS API message
 * codes" reference and EClientErrors in IB's clients). Codes not listed are classified by range.
 *
 * @param code the number TWS sends in an error message
 * @param category what the gateway does with it
 * @param meaning a short human description
 */
public record IbCode(int code, Category category, String meaning) {

    public enum Category {
        /** Informational: log it, nothing failed (farm status, notices). */
        WARNING,
        /** The request it names failed; the connection is fine. */
        REQUEST_FAILURE,
        /** About the connection itself: changes connection state. */
        CONNECTION
    }

    public static final int MAX_RATE_EXCEEDED = 100;
    public static final int PACING_OR_NO_DATA = 162;
    public static final int NO_SECURITY_DEFINITION = 200;
    public static final int CLIENT_ID_IN_USE = 326;
    public static final int CONNECTIVITY_LOST = 1100;
    public static final int RESTORED_DATA_LOST = 1101;
    public static final int RESTORED_DATA_MAINTAINED = 1102;

    private static final Map<Integer, IbCode> TABLE = Stream.of(
                    // connection events
                    of(100, Category.CONNECTION, "max message rate exceeded (50 messages/s)"),
                    of(326, Category.CONNECTION, "client id already in use"),
                    of(502, Category.CONNECTION, "could not connect to TWS"),
                    of(504, Category.CONNECTION, "not connected"),
                    of(1100, Category.CONNECTION, "connectivity between TWS and IB's servers lost"),
                    of(1101, Category.CONNECTION, "connectivity restored, data lost: resubscribe"),
                    of(1102, Category.CONNECTION, "connectivity restored, data maintained"),
                    of(2110, Category.CONNECTION, "connectivity between TWS and server is broken"),
                    // request failures
                    of(162, Category.REQUEST_FAILURE, "historical data error (pacing, no data, cancelled)"),
                    of(200, Category.REQUEST_FAILURE, "no security definition found"),
                    of(321, Category.REQUEST_FAILURE, "error validating request"),
                    of(322, Category.REQUEST_FAILURE, "error processing request"),
                    of(354, Category.REQUEST_FAILURE, "not subscribed to requested market data"),
                    of(366, Category.REQUEST_FAILURE, "no historical data query found for ticker id"),
                    // informational
                    of(2103, Category.WARNING, "market data farm connection broken"),
                    of(2104, Category.WARNING, "market data farm connection OK"),
                    of(2105, Category.WARNING, "historical data farm connection broken"),
                    of(2106, Category.WARNING, "historical data farm connection OK"),
                    of(2107, Category.WARNING, "historical data farm inactive, available on demand"),
                    of(2108, Category.WARNING, "market data farm inactive, available on demand"),
                    of(2157, Category.WARNING, "sec-def data farm connection broken"),
                    of(2158, Category.WARNING, "sec-def data farm connection OK"))
            .collect(Collectors.toUnmodifiableMap(IbCode::code, Function.identity()));

    private static IbCode of(int code, Category category, String meaning) {
        return new IbCode(code, category, meaning);
    }

    /**
     * The farm state a notice reports (2104/2106/2158 OK, 2103/2105/2157 BROKEN, 2107/2108 INACTIVE), or null
     * when the code is not a farm notice.
     */
    public static String farmState(int code) {
        return switch (code) {
            case 2104, 2106, 2158 -> "OK";
            case 2103, 2105, 2157 -> "BROKEN";
            case 2107, 2108 -> "INACTIVE";
            default -> null;
        };
    }

    /** 1100, 1101, 1102: TWS lost or regained IB's servers (the socket itself is fine). */
    public static boolean isConnectivity(int code) {
        return code == CONNECTIVITY_LOST || code == RESTORED_DATA_LOST || code == RESTORED_DATA_MAINTAINED;
    }

    /** The table entry, or a classification by IB's ranges (2100-2199 notices, the rest failures). */
    public static IbCode lookup(int code) {
        IbCode known = TABLE.get(code);
        if (known != null) {
            return known;
        }
        if (code >= 2100 && code <= 2199) {
            return of(code, Category.WARNING, "informational notice");
        }
        return of(code, Category.REQUEST_FAILURE, "request failed");
    }
}
