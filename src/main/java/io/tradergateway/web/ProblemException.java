package io.tradergateway.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A feature's exception that carries its own ProblemDetail (status, stable type, title, detail, extra
 * properties, Retry-After). Spring MVC renders it through the one {@link ApiExceptionHandler}; the feature
 * decides what the problem is, nobody else maps it again. The message is the detail, so logs read the same.
 */
public class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, URI type, String title, String detail) {
        super(status, Problems.problem(status, type, title, detail), null);
        Problems.headers(getHeaders(), null);
    }

    /** Adds a property to the problem body (e.g. the parameter's name); returns this. */
    protected ProblemException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    /** Adds Retry-After (rounded up to whole seconds). */
    protected void retryAfter(Duration wait) {
        Problems.headers(getHeaders(), wait);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
