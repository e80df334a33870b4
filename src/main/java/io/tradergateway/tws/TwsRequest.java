package io.tradergateway.tws;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What a feature asks of TWS: the message to send for an allocated reqId, the message that cancels it at TWS
 * (null where IB has none), how to collect the answer, and how long to wait.
 *
 * <p>Most answers carry the reqId. A few requests have none (reqCurrentTime): for those {@code answeredBy}
 * names the answer's message type, and answers are matched first-in first-out. The {@link RequestKind} says
 * what a timeout and a lost connection mean for it (reads by default).
 *
 * @param <T> the result
 */
public record TwsRequest<T>(
        String name,
        IntFunction<ClientRequest> request,
        IntFunction<ClientRequest> cancel,
        Supplier<ResponseHandler<T>> handler,
        Duration timeout,
        Class<? extends ServerMessage> answeredBy,
        RequestKind kind) {

    public TwsRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        kind = kind == null ? RequestKind.READ : kind;
    }

    /** The same request as another kind (e.g. {@link RequestKind#ORDER}: never cancelled on timeout). */
    public TwsRequest<T> as(RequestKind newKind) {
        return new TwsRequest<>(name, request, cancel, handler, timeout, answeredBy, newKind);
    }

    /** A request whose answers carry its reqId. */
    public static <T> TwsRequest<T> withReqId(
            String name,
            IntFunction<ClientRequest> request,
            IntFunction<ClientRequest> cancel,
            Supplier<ResponseHandler<T>> handler,
            Duration timeout) {
        return new TwsRequest<>(name, request, cancel, handler, timeout, null, RequestKind.READ);
    }

    /** A request without reqId, answered by one message of type {@code answer}. */
    public static <M extends ServerMessage> TwsRequest<M> answeredBy(
            String name, ClientRequest request, Class<M> answer, Duration timeout) {
        return new TwsRequest<>(
                name, reqId -> request, null, () -> ResponseHandler.single(answer), timeout, answer, RequestKind.READ);
    }
}
