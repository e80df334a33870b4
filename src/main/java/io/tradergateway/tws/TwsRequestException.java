package io.tradergateway.tws;

/** TWS answered a request with an error code (the connection itself is fine). */
public class TwsRequestException extends RuntimeException {

    private final int code;
    private final int reqId;

    public TwsRequestException(int reqId, int code, String message) {
        super(message);
        this.code = code;
        this.reqId = reqId;
    }

    /** IB's error code, e.g. 200 (no security definition) or 162 (historical data error). */
    public int code() {
        return code;
    }

    public int reqId() {
        return reqId;
    }
}
