package io.tradergateway.stream;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 429 {@code too-many-streams} / {@code too-many-topics}: a stream limit of gateway.stream.* (named in `limit`). */
public class StreamLimitException extends ProblemException {

    public static final URI TOO_MANY_STREAMS = ProblemTypes.of("too-many-streams");
    public static final URI TOO_MANY_TOPICS = ProblemTypes.of("too-many-topics");

    private StreamLimitException(URI type, String title, String detail, int limit) {
        super(HttpStatus.TOO_MANY_REQUESTS, type, title, detail);
        with("limit", limit);
    }

    static StreamLimitException streams(int limit) {
        StreamLimitException e = new StreamLimitException(
                TOO_MANY_STREAMS,
                "Too many streams",
                "This API key already holds " + limit + " open streams (gateway.stream.max-streams-per-key);"
                        + " close one, or follow more topics on one stream",
                limit);
        e.retryAfter(Duration.ofSeconds(5));
        return e;
    }

    static StreamLimitException topics(int asked, int limit) {
        return new StreamLimitException(
                TOO_MANY_TOPICS,
                "Too many topics",
                asked + " topics asked for; one stream follows at most " + limit
                        + " (gateway.stream.max-topics-per-stream)",
                limit);
    }
}
