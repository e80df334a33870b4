package io.tradergateway.tws.wire;

/**
 * Server-version gates of the text protocol (names and numbers from IB's ibapi server_versions.py, the
 * MIN_SERVER_VER_* constants). A field that exists only from some version on is written and read only when
 * the version negotiated with that peer is at least the gate.
 */
public final class ServerVersions {

    /** Lowest server version this implementation speaks (TWS / IB Gateway 10.x era). */
    public static final int MIN_SUPPORTED = 157;

    /**
     * Highest server version this implementation speaks. From 201 (MIN_SERVER_VER_PROTOBUF) TWS switches
     * messages to protobuf, so the client announces a maximum below it and TWS keeps to the text protocol.
     */
    public static final int MAX_SUPPORTED = 200;

    /** startApi carries the optional-capabilities field. */
    public static final int OPTIONAL_CAPABILITIES = 72;
    /** error messages carry advancedOrderRejectJson. */
    public static final int ADVANCED_ORDER_REJECT = 166;
    /** error messages drop their version field and carry the error time (epoch millis). */
    public static final int ERROR_TIME = 194;
    /** historical bars end with a separate historicalDataEnd message (id 108). */
    public static final int HISTORICAL_DATA_END = 196;
    /** the protobuf protocol starts here; never negotiated by this implementation. */
    public static final int PROTOBUF = 201;

    private ServerVersions() {}
}
