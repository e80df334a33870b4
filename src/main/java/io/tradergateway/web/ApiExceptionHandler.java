package io.tradergateway.web;

import io.tradergateway.tws.TwsBusyException;
import io.tradergateway.tws.TwsOutcomeUnknownException;
import io.tradergateway.tws.TwsProblem;
import io.tradergateway.tws.TwsRequestException;
import io.tradergateway.tws.TwsTimeoutException;
import io.tradergateway.tws.TwsUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place errors become HTTP. Every error leaves as a {@link ProblemDetail} with a stable {@code type}
 * and a detail a person can act on: feature exceptions carry theirs ({@link ProblemException}, rendered by
 * Spring's {@code ErrorResponseException} handling below), failures of the TWS client (already classified by
 * {@code IbCode}) are mapped here, and Spring MVC's own errors get our types. Causes are logged here, never
 * sent: no stack traces, class names or secrets.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final java.time.Duration STORE_RETRY = java.time.Duration.ofSeconds(5);

    @ExceptionHandler(TwsUnavailableException.class)
    ResponseEntity<ProblemDetail> twsUnavailable(TwsUnavailableException e) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.TWS_UNAVAILABLE,
                "TWS unavailable",
                e.getMessage() + "; retry later");
        problem.setProperty("connectionState", e.state().name());
        return Problems.respond(problem, e.retryAfter());
    }

    @ExceptionHandler(TwsTimeoutException.class)
    ResponseEntity<ProblemDetail> twsTimeout(TwsTimeoutException e) {
        return Problems.respond(
                Problems.problem(
                        HttpStatus.GATEWAY_TIMEOUT,
                        ProblemTypes.TWS_TIMEOUT,
                        "TWS did not answer in time",
                        e.getMessage() + "; the request was cancelled at TWS"),
                null);
    }

    @ExceptionHandler(TwsOutcomeUnknownException.class)
    ResponseEntity<ProblemDetail> twsOutcomeUnknown(TwsOutcomeUnknownException e) {
        return Problems.respond(
                Problems.problem(
                        HttpStatus.GATEWAY_TIMEOUT,
                        ProblemTypes.TWS_OUTCOME_UNKNOWN,
                        "Outcome unknown",
                        e.getMessage() + "; check its state before sending it again"),
                null);
    }

    @ExceptionHandler(TwsBusyException.class)
    ResponseEntity<ProblemDetail> twsBusy(TwsBusyException e) {
        return Problems.respond(
                Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TWS_BUSY, "Gateway busy", e.getMessage()),
                java.time.Duration.ofSeconds(1));
    }

    /** The history store (database) cannot be reached or is overloaded: a fault, not the caller's error. */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessException.class,
        org.springframework.dao.RecoverableDataAccessException.class,
        org.springframework.transaction.CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> storeUnavailable(org.springframework.core.NestedRuntimeException e) {
        log.warn("history store unavailable: {}", e.getMostSpecificCause().toString());
        return Problems.respond(
                Problems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemTypes.STORE_UNAVAILABLE,
                        "History store unavailable",
                        "the history store (database) cannot be reached; retry later"),
                STORE_RETRY);
    }

    /**
     * TWS refused a request and the feature did not turn the IB problem into one of its own: the status comes
     * from {@link Problems#statusOf}, as it does for the features that do (400 when TWS judged the request
     * invalid, 502 when it failed for a reason of its own).
     */
    @ExceptionHandler(TwsRequestException.class)
    ResponseEntity<ProblemDetail> twsRefused(TwsRequestException e) {
        boolean rejected = e.problem() == TwsProblem.REJECTED;
        ProblemDetail problem = Problems.problem(
                Problems.statusOf(e.problem()),
                rejected ? ProblemTypes.TWS_REQUEST_REJECTED : ProblemTypes.TWS_REQUEST_FAILED,
                rejected ? "TWS rejected the request as invalid" : "TWS failed the request",
                "TWS error " + e.code() + ": " + e.getMessage());
        problem.setProperty("ibCode", e.code());
        return Problems.respond(problem, null);
    }

    /** Tomcat throws this when the query string or form body cannot be parsed (e.g. {@code ?a=%ZZ}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameters(InvalidParameterException e) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        if (status == null || !status.is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        return ResponseEntity.status(status)
                .body(
                        Problems.problem(
                                status,
                                ProblemTypes.INVALID_PARAMETER,
                                "Invalid parameters",
                                "the query string or form body cannot be parsed (bad percent-encoding or too many parameters)"));
    }

    /** Rethrown as it is, so it reaches Tomcat, which closes the committed response without its last chunk. */
    @ExceptionHandler(StreamAbortedException.class)
    void streamAborted(StreamAbortedException e) throws StreamAbortedException {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError()
                .body(Problems.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemTypes.INTERNAL_ERROR,
                        "Internal error",
                        "the gateway failed to handle this request; the cause is in its log"));
    }

    /** Says which method and path have no endpoint, rather than Spring's "No static resource ...". */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String method = ex.getHttpMethod().name();
        String path = request instanceof ServletWebRequest web
                ? web.getRequest().getRequestURI()
                : "/" + ex.getResourcePath();
        ProblemDetail problem = Problems.problem(
                HttpStatus.NOT_FOUND,
                ProblemTypes.NOT_FOUND,
                "Not Found",
                "no endpoint answers " + method + " " + echo(path, 100)
                        + "; the API is under /api/v1 (see /v3/api-docs or /swagger-ui.html)");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    /** Names each rejected parameter, its rule and the value given, rather than "Validation failure". */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (var result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            names.add(name);
            for (var error : result.getResolvableErrors()) {
                reasons.add(name + " " + error.getDefaultMessage() + " (got "
                        + echo(String.valueOf(result.getArgument()), 32) + ")");
            }
        }
        ProblemDetail problem = Problems.problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.INVALID_PARAMETER,
                "Invalid parameter",
                String.join("; ", reasons));
        if (names.size() == 1) {
            problem.setProperty("parameter", names.get(0));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives Spring MVC's own errors (404, 405, 406, 400...) our stable types. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && isDefaultType(problem.getType())) {
            problem.setType(Problems.typeFor(statusCode));
        }
        return response;
    }

    /** A client's value as it may be shown back: bounded, without markup or control characters. */
    static String echo(String value, int max) {
        String shown = value.length() <= max ? value : value.substring(0, max) + "...";
        return shown.replaceAll("[^A-Za-z0-9 .,:/+_=&?%-]", "?");
    }

    private static boolean isDefaultType(URI type) {
        return type == null || "about:blank".equals(type.toString());
    }
}
