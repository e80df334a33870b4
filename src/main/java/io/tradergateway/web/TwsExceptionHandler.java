package io.tradergateway.web;

import io.tradergateway.tws.TwsBusyException;
import io.tradergateway.tws.TwsRequestException;
import io.tradergateway.tws.TwsTimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How failures of requests to TWS look over HTTP. Ordered before {@link ApiExceptionHandler} so its
 * catch-all never swallows them. Feature controllers map the codes they understand (200 -> 404, 162 pacing
 * -> 429, ...) themselves; what reaches this handler is the generic case.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TwsExceptionHandler {

    @ExceptionHandler(TwsTimeoutException.class)
    ResponseEntity<ProblemDetail> timeout(TwsTimeoutException e) {
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                .body(ApiExceptionHandler.problem(
                        HttpStatus.GATEWAY_TIMEOUT,
                        ProblemTypes.TWS_TIMEOUT,
                        "TWS did not answer in time",
                        e.getMessage() + "; the request was cancelled at TWS"));
    }

    @ExceptionHandler(TwsBusyException.class)
    ResponseEntity<ProblemDetail> busy(TwsBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(ApiExceptionHandler.problem(
                        HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TWS_BUSY, "Gateway busy", e.getMessage()));
    }

    @ExceptionHandler(TwsRequestException.class)
    ResponseEntity<ProblemDetail> failed(TwsRequestException e) {
        ProblemDetail problem = ApiExceptionHandler.problem(
                HttpStatus.BAD_GATEWAY,
                ProblemTypes.TWS_REQUEST_FAILED,
                "TWS refused the request",
                "TWS error " + e.code() + ": " + e.getMessage());
        problem.setProperty("ibCode", e.code());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
