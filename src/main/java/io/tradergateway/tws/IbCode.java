package io.tradergateway.tws;

import io.tradergateway.tws.wire.ErrorCodes;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * IB's message codes that the gateway acts on, each classed once here (source: IB's "TWS API message
 * codes" reference and EClientErrors in IB's clients): its category (what the connection does with it) and, for
 * request failures, the {@link TwsProblem} features act on ({@link #problem}). Codes not listed are classified by
 * range. The numbers themselves are {@link ErrorCodes}, shared with the simulator.
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

    public static final int MAX_RATE_EXCEEDED = ErrorCodes.MAX_RATE_EXCEEDED;
    public static final int PACING_OR_NO_DATA = ErrorCodes.HISTORICAL_DATA_ERROR;
    public static final int NO_SECURITY_DEFINITION = ErrorCodes.NO_SECURITY_DEFINITION;
    public static final int CLIENT_ID_IN_USE = ErrorCodes.CLIENT_ID_IN_USE;
    public static final int CONNECTIVITY_LOST = ErrorCodes.CONNECTIVITY_LOST;
    public static final int RESTORED_DATA_LOST = ErrorCodes.RESTORED_DATA_LOST;
    public static final int RESTORED_DATA_MAINTAINED = ErrorCodes.RESTORED_DATA_MAINTAINED;

    private static final Map<Integer, IbCode> TABLE = Stream.of(
                    // connection events
                    of(ErrorCodes.MAX_RATE_EXCEEDED, Category.CONNECTION, "max message rate exceeded (50 messages/s)"),
                    of(ErrorCodes.CLIENT_ID_IN_USE, Category.CONNECTION, "client id already in use"),
                    of(ErrorCodes.COULD_NOT_CONNECT, Category.CONNECTION, "could not connect to TWS"),
                    of(ErrorCodes.NOT_CONNECTED, Category.CONNECTION, "not connected"),
                    of(
                            ErrorCodes.CONNECTIVITY_LOST,
                            Category.CONNECTION,
                            "connectivity between TWS and IB's servers lost"),
                    of(
                            ErrorCodes.RESTORED_DATA_LOST,
                            Category.CONNECTION,
                            "connectivity restored, data lost: resubscribe"),
                    of(
                            ErrorCodes.RESTORED_DATA_MAINTAINED,
                            Category.CONNECTION,
                            "connectivity restored, data maintained"),
                    of(
                            ErrorCodes.SERVER_CONNECTION_BROKEN,
                            Category.CONNECTION,
                            "connectivity between TWS and server is broken"),
                    // request failures
                    of(
                            ErrorCodes.HISTORICAL_DATA_ERROR,
                            Category.REQUEST_FAILURE,
                            "historical data error (pacing, no data, cancelled)"),
                    of(ErrorCodes.NO_SECURITY_DEFINITION, Category.REQUEST_FAILURE, "no security definition found"),
                    of(ErrorCodes.ORDER_REJECTED, Category.REQUEST_FAILURE, "order rejected (reported by order id)"),
                    of(ErrorCodes.VALIDATION_FAILED, Category.REQUEST_FAILURE, "error validating request"),
                    of(ErrorCodes.PROCESSING_FAILED, Category.REQUEST_FAILURE, "error processing request"),
                    of(ErrorCodes.NOT_SUBSCRIBED, Category.REQUEST_FAILURE, "not subscribed to requested market data"),
                    // market data: 354, 10089, 10168 and 10197 end the live stream; 101 is TWS's own line limit
                    of(ErrorCodes.MAX_TICKERS_REACHED, Category.REQUEST_FAILURE, "max number of tickers reached"),
                    of(
                            ErrorCodes.DELAYED_AVAILABLE_NOT_SUBSCRIBED,
                            Category.REQUEST_FAILURE,
                            "market data not subscribed for the API; delayed data available"),
                    of(
                            ErrorCodes.DELAYED_NOT_AVAILABLE,
                            Category.REQUEST_FAILURE,
                            "market data not subscribed and delayed data not enabled"),
                    of(
                            ErrorCodes.COMPETING_LIVE_SESSION,
                            Category.REQUEST_FAILURE,
                            "no market data during a competing live session"),
                    of(
                            ErrorCodes.NO_HISTORICAL_QUERY,
                            Category.REQUEST_FAILURE,
                            "no historical data query found for ticker id"),
                    // informational
                    of(ErrorCodes.MARKET_FARM_BROKEN, Category.WARNING, "market data farm connection broken"),
                    of(ErrorCodes.MARKET_FARM_OK, Category.WARNING, "market data farm connection OK"),
                    of(ErrorCodes.HMDS_FARM_BROKEN, Category.WARNING, "historical data farm connection broken"),
                    of(ErrorCodes.HMDS_FARM_OK, Category.WARNING, "historical data farm connection OK"),
                    of(
                            ErrorCodes.HMDS_FARM_INACTIVE,
                            Category.WARNING,
                            "historical data farm inactive, available on demand"),
                    of(
                            ErrorCodes.MARKET_FARM_INACTIVE,
                            Category.WARNING,
                            "market data farm inactive, available on demand"),
                    of(ErrorCodes.SECDEF_FARM_BROKEN, Category.WARNING, "sec-def data farm connection broken"),
                    of(ErrorCodes.SECDEF_FARM_OK, Category.WARNING, "sec-def data farm connection OK"),
                    // advisory: the line keeps ticking
                    of(ErrorCodes.DISPLAYING_DELAYED, Category.WARNING, "not subscribed: displaying delayed data"),
                    of(
                            ErrorCodes.PART_NOT_SUBSCRIBED,
                            Category.WARNING,
                            "part of the requested data is not subscribed"))
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
            case ErrorCodes.MARKET_FARM_OK, ErrorCodes.HMDS_FARM_OK, ErrorCodes.SECDEF_FARM_OK -> "OK";
            case ErrorCodes.MARKET_FARM_BROKEN, ErrorCodes.HMDS_FARM_BROKEN, ErrorCodes.SECDEF_FARM_BROKEN -> "BROKEN";
            case ErrorCodes.HMDS_FARM_INACTIVE, ErrorCodes.MARKET_FARM_INACTIVE -> "INACTIVE";
            default -> null;
        };
    }

    /**
     * What a request failure means: by code, and for 162 (which TWS uses for pacing, no data, missing permissions
     * and cancelled queries) by its text, as TWS sends it (IB-FACTS.md), e.g. "Historical Market Data Service
     * error message:Historical data request pacing violation", "...:HMDS query returned no data: ...",
     * "...:No market data permissions.", "...:API historical data query cancelled: ...".
     */
    public static TwsProblem problem(int code, String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return switch (code) {
            case ErrorCodes.NO_SECURITY_DEFINITION -> TwsProblem.CONTRACT_NOT_FOUND;
            case ErrorCodes.VALIDATION_FAILED, ErrorCodes.PROCESSING_FAILED -> TwsProblem.REJECTED;
            case ErrorCodes.MAX_TICKERS_REACHED -> TwsProblem.MARKET_DATA_LINES;
            case ErrorCodes.NOT_SUBSCRIBED,
                    ErrorCodes.DELAYED_AVAILABLE_NOT_SUBSCRIBED,
                    ErrorCodes.COMPETING_LIVE_SESSION -> TwsProblem.NOT_SUBSCRIBED;
            case ErrorCodes.DELAYED_NOT_AVAILABLE -> TwsProblem.NO_PERMISSION;
            case ErrorCodes.HISTORICAL_DATA_ERROR -> {
                if (text.contains("pacing violation")) {
                    yield TwsProblem.PACING_VIOLATION;
                } else if (text.contains("returned no data")) {
                    yield TwsProblem.NO_DATA;
                } else if (text.contains("permission")) {
                    yield TwsProblem.NO_PERMISSION;
                } else if (text.contains("cancelled") || text.contains("canceled")) {
                    yield TwsProblem.QUERY_CANCELLED;
                }
                yield TwsProblem.REJECTED;
            }
            default -> TwsProblem.FAILED;
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
