package io.tradergateway.web;

/**
 * A request parameter failed validation. The message is shown to the client as the problem's detail, so it
 * names the parameter, what was wrong and what is allowed; it never echoes secrets.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
