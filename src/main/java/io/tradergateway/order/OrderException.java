package io.tradergateway.order;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Every problem of the order feature, with its stable type; IB's code travels in {@code ibCode} where there is one. */
public class OrderException extends ProblemException {

    OrderException(HttpStatus status, String slug, String title, String detail) {
        super(status, ProblemTypes.of(slug), title, detail);
    }

    static OrderException invalid(String field, String detail) {
        return (OrderException) new OrderException(HttpStatus.BAD_REQUEST, "invalid-order", "Invalid order", detail)
                .with("field", field);
    }

    static OrderException tradingDisabled() {
        return new OrderException(
                HttpStatus.FORBIDDEN,
                "trading-disabled",
                "Trading is disabled",
                "Trading is off: set gateway.trading.enabled=true to place, modify or cancel orders.");
    }

    static OrderException liveAccount(String account) {
        return new OrderException(
                HttpStatus.FORBIDDEN,
                "live-account-refused",
                "Live account refused",
                "Account " + account + " is not a paper account; live accounts need gateway.trading.allow-live=true"
                        + " and the account in gateway.trading.live-accounts.");
    }

    static OrderException limit(String limit, String detail) {
        return (OrderException)
                new OrderException(HttpStatus.UNPROCESSABLE_ENTITY, "order-limit", "Order limit hit", detail)
                        .with("limit", limit);
    }

    static OrderException keyConflict(String key) {
        return new OrderException(
                HttpStatus.CONFLICT,
                "idempotency-key-conflict",
                "Idempotency key reused",
                "Idempotency key '" + key + "' was used for a different order; use a new key for a new order.");
    }

    static OrderException notFound(String what) {
        return new OrderException(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", what);
    }

    static OrderException notModifiable(int orderId, String status) {
        return (OrderException) new OrderException(
                        HttpStatus.CONFLICT,
                        "order-not-modifiable",
                        "Order cannot be changed",
                        "Order " + orderId + " is " + status + " and cannot be changed.")
                .with("status", status);
    }

    static OrderException confirmationRequired() {
        return new OrderException(
                HttpStatus.BAD_REQUEST,
                "confirmation-required",
                "Confirmation required",
                "Cancelling every open order needs confirm=CANCEL_ALL.");
    }

    /** What TWS said about an order, by IB's code: rejected 422, not cancellable 409, permission 403, ... */
    static OrderException fromIb(int code, String text) {
        OrderException e = switch (code) {
            case 10147, 135 -> new OrderException(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", text);
            case 10148, 161, 104 ->
                new OrderException(
                        HttpStatus.CONFLICT, "order-not-cancellable", "Order cannot be cancelled or changed", text);
            case 200 ->
                new OrderException(HttpStatus.UNPROCESSABLE_ENTITY, "contract-not-found", "Unknown contract", text);
            case 202 -> new OrderException(HttpStatus.UNPROCESSABLE_ENTITY, "order-cancelled", "Order cancelled", text);
            case 103 -> new OrderException(HttpStatus.CONFLICT, "duplicate-order-id", "Duplicate order id", text);
            default ->
                text.toLowerCase(java.util.Locale.ROOT).contains("permission")
                        ? new OrderException(
                                HttpStatus.FORBIDDEN, "no-trading-permission", "No trading permission", text)
                        : new OrderException(HttpStatus.UNPROCESSABLE_ENTITY, "order-rejected", "Order rejected", text);
        };
        e.with("ibCode", code);
        return e;
    }

    static OrderException unavailable(Duration retryAfter, String detail) {
        OrderException e =
                new OrderException(HttpStatus.SERVICE_UNAVAILABLE, "tws-unavailable", "TWS unavailable", detail);
        e.retryAfter(retryAfter);
        return e;
    }
}
