package io.tradergateway.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
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
