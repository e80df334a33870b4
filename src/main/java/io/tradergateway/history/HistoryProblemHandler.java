package io.tradergateway.history;

import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The history endpoint's problems: 400 for each invalid parameter (its name, a stable type and the allowed
 * values), 429 pacing-limited with Retry-After, 404 history-no-data, 403 no permission, 504 cancelled, 400 when
 * TWS refused the request, 503 when the history bulkhead is full.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HistoryProblemHandler {

    @ExceptionHandler(InvalidHistoryParameterException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidHistoryParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.type(), "Invalid parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("allowed", e.allowed());
        return respond(problem, null);
    }

    @ExceptionHandler(HistoryFailure.class)
    ResponseEntity<ProblemDetail> failure(HistoryFailure e) {
        ProblemDetail problem = switch (e.kind()) {
            case PACING_LIMITED ->
                problem(HttpStatus.TOO_MANY_REQUESTS, HistoryProblems.PACING_LIMITED, "Paced", e.getMessage());
            case NO_DATA -> problem(HttpStatus.NOT_FOUND, HistoryProblems.NO_DATA, "No data", e.getMessage());
            case NO_PERMISSION ->
                problem(
                        HttpStatus.FORBIDDEN,
                        HistoryProblems.NO_PERMISSION,
                        "No market data permission",
                        e.getMessage());
            case CANCELLED ->
                problem(HttpStatus.GATEWAY_TIMEOUT, HistoryProblems.CANCELLED, "Query cancelled", e.getMessage());
            case REJECTED ->
                problem(HttpStatus.BAD_REQUEST, HistoryProblems.REJECTED, "TWS refused the request", e.getMessage());
            case BUSY -> problem(HttpStatus.SERVICE_UNAVAILABLE, HistoryProblems.BUSY, "History busy", e.getMessage());
        };
        if (e.ibCode() != 0) {
            problem.setProperty("ibCode", e.ibCode());
        }
        if (e.retryAfter() != null) {
            problem.setProperty("retryAfterMillis", e.retryAfter().toMillis());
        }
        return respond(problem, e.retryAfter());
    }

    /** Retry-After in whole seconds, rounded up so that a client retrying then is never early. */
    static long retryAfterSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, Duration retryAfter) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        return response.body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type == null ? ProblemTypes.INVALID_PARAMETER : type);
        problem.setTitle(title);
        return problem;
    }
}
