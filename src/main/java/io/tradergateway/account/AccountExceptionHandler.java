package io.tradergateway.account;

import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems of the account endpoints, with stable types: {@code invalid-account-id} (400),
 * {@code unknown-account} (404), {@code account-data-not-synced} (503 + Retry-After). Ordered first so the
 * general catch-all never swallows them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountExceptionHandler {

    static final URI INVALID_ACCOUNT_ID = ProblemTypes.of("invalid-account-id");
    static final URI UNKNOWN_ACCOUNT = ProblemTypes.of("unknown-account");
    static final URI NOT_SYNCED = ProblemTypes.of("account-data-not-synced");

    @ExceptionHandler(InvalidAccountIdException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAccountIdException e) {
        return ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, INVALID_ACCOUNT_ID, "Invalid account id", e.getMessage()));
    }

    @ExceptionHandler(UnknownAccountException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownAccountException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, UNKNOWN_ACCOUNT, "Unknown account", e.getMessage()));
    }

    @ExceptionHandler(AccountDataNotSyncedException.class)
    ResponseEntity<ProblemDetail> notSynced(AccountDataNotSyncedException e) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        NOT_SYNCED,
                        "Account data not synced yet",
                        e.getMessage() + "; retry later"));
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
