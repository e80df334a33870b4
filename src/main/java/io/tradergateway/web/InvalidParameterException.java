package io.tradergateway.web;

import org.springframework.http.HttpStatus;

/**
 * A request parameter failed validation: 400 {@code invalid-parameter} with the parameter's name. The message is
 * shown to the client as the problem's detail, so it names the parameter, what was wrong and what is allowed;
 * it never echoes secrets.
 */
public class InvalidParameterException extends ProblemException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PARAMETER, "Invalid parameter", detail);
        this.parameter = parameter;
        with("parameter", parameter);
    }

    public String parameter() {
        return parameter;
    }
}
