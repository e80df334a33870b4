package io.tradergateway.web;

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
 * Every error leaves as a {@link ProblemDetail} with a stable {@code type} from {@link ProblemTypes} and a
 * detail a person can act on. Causes are logged here, never sent: no stack traces, class names or secrets.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(TwsUnavailableException.class)
    ResponseEntity<ProblemDetail> twsUnavailable(TwsUnavailableException e) {
        ProblemDetail problem = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.TWS_UNAVAILABLE,
                "TWS unavailable",
                e.getMessage() + "; retry later");
        problem.setProperty("connectionState", e.state().name());
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(ApiKeyRejectedException.class)
    ResponseEntity<ProblemDetail> apiKeyRejected(ApiKeyRejectedException e) {
        ProblemDetail problem =
                problem(HttpStatus.UNAUTHORIZED, ProblemTypes.API_KEY_REQUIRED, "API key required", e.getMessage());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"")
                .body(problem);
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
                        problem(
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
                .body(problem(
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
        ProblemDetail problem = problem(
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
        ProblemDetail problem = problem(
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
            problem.setType(typeFor(statusCode));
        }
        return response;
    }

    static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** A client's value as it may be shown back: bounded, without markup or control characters. */
    static String echo(String value, int max) {
        String shown = value.length() <= max ? value : value.substring(0, max) + "...";
        return shown.replaceAll("[^A-Za-z0-9 .,:/+_=&?%-]", "?");
    }

    private static boolean isDefaultType(URI type) {
        return type == null || "about:blank".equals(type.toString());
    }

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
