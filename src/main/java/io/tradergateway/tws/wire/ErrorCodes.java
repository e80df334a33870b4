package io.tradergateway.tws.wire;

/**
 * The numbers of IB's error and notice codes that the client and the simulator use (source: IB's "TWS API
 * message codes" reference; EClientErrors in IB's clients for 502/504). Only the numbers live here, shared by
 * both sides of the wire; what each one means to the gateway is classified once, in {@code tws.IbCode}.
 */
public final class ErrorCodes {

    public static final int MAX_RATE_EXCEEDED = 100;
    public static final int MAX_TICKERS_REACHED = 101;
    public static final int DUPLICATE_ORDER_ID = 103;
    public static final int CANNOT_MODIFY_FILLED = 104;
    public static final int PRICE_OFF_TICK = 110;
    public static final int CANCEL_NOT_CANCELLABLE = 161;
    public static final int HISTORICAL_DATA_ERROR = 162;
    public static final int NO_SECURITY_DEFINITION = 200;
    public static final int ORDER_REJECTED = 201;
    public static final int ORDER_CANCELLED = 202;
    public static final int VALIDATION_FAILED = 321;
    public static final int PROCESSING_FAILED = 322;
    public static final int CLIENT_ID_IN_USE = 326;
    public static final int NOT_SUBSCRIBED = 354;
    public static final int NO_HISTORICAL_QUERY = 366;
    public static final int ORDER_WARNING = 399;
    public static final int COULD_NOT_CONNECT = 502;
    public static final int NOT_CONNECTED = 504;
    public static final int CONNECTIVITY_LOST = 1100;
    public static final int RESTORED_DATA_LOST = 1101;
    public static final int RESTORED_DATA_MAINTAINED = 1102;
    public static final int MARKET_FARM_BROKEN = 2103;
    public static final int MARKET_FARM_OK = 2104;
    public static final int HMDS_FARM_BROKEN = 2105;
    public static final int HMDS_FARM_OK = 2106;
    public static final int HMDS_FARM_INACTIVE = 2107;
    public static final int MARKET_FARM_INACTIVE = 2108;
    public static final int SERVER_CONNECTION_BROKEN = 2110;
    public static final int SECDEF_FARM_BROKEN = 2157;
    public static final int SECDEF_FARM_OK = 2158;
    // market data entitlements (IB's message codes; IB-FACTS.md "Market data and PnL")
    public static final int DELAYED_AVAILABLE_NOT_SUBSCRIBED = 10089;
    public static final int PART_NOT_SUBSCRIBED = 10090;
    public static final int DISPLAYING_DELAYED = 10167;
    public static final int DELAYED_NOT_AVAILABLE = 10168;
    public static final int COMPETING_LIVE_SESSION = 10197;
    public static final int CANCEL_UNKNOWN_ORDER = 10147;
    public static final int CANCEL_FILLED_ORDER = 10148;

    private ErrorCodes() {}
}
