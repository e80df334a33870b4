package io.tradergateway.web;

import io.tradergateway.tws.TwsProblem;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The one builder of the API's ProblemDetails and their Retry-After header. */
public final class Problems {

    private Problems() {}

    /** A problem with a stable type, a short title and a detail a person can act on. */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /**
     * The HTTP status of what TWS said, decided once for every feature: a request TWS judged invalid is the
     * client's to fix (400), a refusal for a reason of TWS's own is a failure upstream (502).
     */
    public static HttpStatus statusOf(TwsProblem problem) {
        return switch (problem) {
            case CONTRACT_NOT_FOUND, NO_DATA -> HttpStatus.NOT_FOUND;
            case PACING_VIOLATION, MARKET_DATA_LINES -> HttpStatus.TOO_MANY_REQUESTS;
            case NO_PERMISSION, NOT_SUBSCRIBED -> HttpStatus.FORBIDDEN;
            case QUERY_CANCELLED -> HttpStatus.GATEWAY_TIMEOUT;
            case REJECTED -> HttpStatus.BAD_REQUEST;
            case FAILED -> HttpStatus.BAD_GATEWAY;
        };
    }

    /** Retry-After in whole seconds, rounded up so that a client retrying then is never early; at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Sets Retry-After (when {@code wait} is not null) and the problem media type. */
    static HttpHeaders headers(HttpHeaders headers, Duration wait) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (wait != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(wait)));
        }
        return headers;
    }

    /** The response for a problem, with Retry-After when {@code wait} is not null. */
    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, Duration wait) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers(new HttpHeaders(), wait))
                .body(problem);
    }

    /** The stable type for a status that has no more specific one (Spring MVC's own errors, container errors). */
    static URI typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemTypes.TWS_UNAVAILABLE;
            default -> status.is4xxClientError() ? ProblemTypes.INVALID_PARAMETER : ProblemTypes.INTERNAL_ERROR;
        };
    }
}
