package io.tradergateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 401 {@code api-key-required}: a protected path was called without an accepted API key. Never contains the key. */
class ApiKeyRejectedException extends ProblemException {

    ApiKeyRejectedException(String message) {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.API_KEY_REQUIRED, "API key required", message);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
    }
}
