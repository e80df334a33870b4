package io.tradergateway.web;

import org.apache.coyote.CloseNowException;

/**
 * A streamed response that failed after its status and first bytes were sent. No status or problem can be sent
 * any more; what is left is to make the failure visible: the connection is closed at once, without the final
 * chunk, so every HTTP client reports an incomplete body (curl exits 18) instead of a complete-looking, short
 * one. Tomcat does exactly that for an error on a committed response, and logs this type at debug only.
 */
public final class StreamAbortedException extends CloseNowException {

    public StreamAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
