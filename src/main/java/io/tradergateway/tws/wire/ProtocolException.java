package io.tradergateway.tws.wire;

/**
 * The peer sent bytes that are not a valid TWS API message. The connection that produced them cannot be
 * trusted to be in sync any more and must be closed.
 */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
