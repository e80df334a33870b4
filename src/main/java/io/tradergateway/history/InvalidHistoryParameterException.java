package io.tradergateway.history;

import java.net.URI;
import java.util.List;

/** A history parameter failed validation: 400 with the parameter's name, a stable type and the allowed values. */
class InvalidHistoryParameterException extends RuntimeException {

    private final String parameter;
    private final URI type;
    private final List<String> allowed;

    InvalidHistoryParameterException(String parameter, URI type, String detail, List<String> allowed) {
        super(detail);
        this.parameter = parameter;
        this.type = type;
        this.allowed = List.copyOf(allowed);
    }

    String parameter() {
        return parameter;
    }

    URI type() {
        return type;
    }

    List<String> allowed() {
        return allowed;
    }
}
