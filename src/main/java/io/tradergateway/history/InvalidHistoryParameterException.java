package io.tradergateway.history;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A history parameter failed validation: 400 with the parameter's name, a stable type and the allowed values. */
class InvalidHistoryParameterException extends ProblemException {

    private final String parameter;
    private final URI type;
    private final List<String> allowed;

    InvalidHistoryParameterException(String parameter, URI type, String detail, List<String> allowed) {
        super(
                HttpStatus.BAD_REQUEST,
                type == null ? ProblemTypes.INVALID_PARAMETER : type,
                "Invalid parameter",
                detail);
        this.parameter = parameter;
        this.type = type;
        this.allowed = List.copyOf(allowed);
        with("parameter", parameter);
        with("allowed", this.allowed);
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
