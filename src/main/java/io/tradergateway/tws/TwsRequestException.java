package io.tradergateway.tws;

/** TWS answered a request with an error code (the connection itself is fine). */
public class TwsRequestException extends RuntimeException {

    private final int code;
    private final int reqId;
    private final TwsProblem problem;

    public TwsRequestException(int reqId, int code, String message) {
        super(message);
        this.code = code;
        this.reqId = reqId;
        this.problem = IbCode.problem(code, message);
    }

    /** What the error means, classified once by {@link IbCode#problem}. */
    public TwsProblem problem() {
        return problem;
    }

    /** IB's error code, e.g. 200 (no security definition) or 162 (historical data error). */
    public int code() {
        return code;
    }

    public int reqId() {
        return reqId;
    }
}
