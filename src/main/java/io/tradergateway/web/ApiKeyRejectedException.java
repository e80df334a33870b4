package io.tradergateway.web;

/** A request to a protected path came without an accepted API key. The message never contains the key. */
class ApiKeyRejectedException extends RuntimeException {

    ApiKeyRejectedException(String message) {
        super(message);
    }
}
