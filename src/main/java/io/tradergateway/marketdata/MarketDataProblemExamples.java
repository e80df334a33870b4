package io.tradergateway.marketdata;

/**
 * Example ProblemDetail bodies for the API description of the market-data answers (GET /api/v1/quotes and the
 * quote topics of GET /api/v1/stream): what a client gets when a limit or a refusal stops it.
 */
public final class MarketDataProblemExamples {

    public static final String LINES_EXHAUSTED = "{\"type\":\"urn:trader-gateway:problem:market-data-lines-exhausted\","
            + "\"title\":\"Market data lines exhausted\",\"status\":429,\"detail\":\"All 100 market-data lines are in"
            + " use (gateway.market-data.max-lines); a line frees when its last watcher leaves\",\"limit\":100}";

    public static final String NOT_SUBSCRIBED = "{\"type\":\"urn:trader-gateway:problem:market-data-not-subscribed\","
            + "\"title\":\"Market data not subscribed\",\"status\":403,\"detail\":\"No market data for conId 265598:"
            + " TWS error 354: Requested market data is not subscribed.\",\"conId\":265598,\"ibCode\":354}";

    public static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";
    public static final String PROBLEM_JSON = "application/problem+json";

    private MarketDataProblemExamples() {}
}
