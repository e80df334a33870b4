package io.tradergateway.tws;

import io.tradergateway.tws.wire.ServerMessage;

/**
 * Collects the messages that answer one request (several for multi-message answers such as contract
 * details or bars) until the one that ends it. Called on the reader thread, one message at a time.
 *
 * @param <T> the result
 */
public interface ResponseHandler<T> {

    /** Takes one message addressed to the request; returns true when it completes the answer. */
    boolean accept(ServerMessage message);

    /** The answer, once {@link #accept} returned true. */
    T result();

    /** A handler for answers that are exactly one message of the given type. */
    static <M extends ServerMessage> ResponseHandler<M> single(Class<M> type) {
        return new ResponseHandler<>() {
            private M answer;

            @Override
            public boolean accept(ServerMessage message) {
                if (type.isInstance(message)) {
                    answer = type.cast(message);
                    return true;
                }
                return false;
            }

            @Override
            public M result() {
                return answer;
            }
        };
    }
}
