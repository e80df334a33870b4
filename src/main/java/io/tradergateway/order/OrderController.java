package io.tradergateway.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders", description = "Place, preview, modify, cancel and follow orders; trading is off unless enabled")
class OrderController {

    private final OrderService orders;
    private final OrderReads reads;
    private final OrderPreview previews;

    OrderController(OrderService orders, OrderReads reads, OrderPreview previews) {
        this.orders = orders;
        this.reads = reads;
        this.previews = previews;
    }

    @PostMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Place an order (or a bracket)",
            description = "Idempotent by key: the Idempotency-Key header (or clientOrderId) is journaled before the"
                    + " order is sent and travels to TWS in orderRef. Same key and body again: 200 with the existing"
                    + " order; same key, other body: 409. If the socket drops before TWS answers: 202 with status"
                    + " UNKNOWN, settled after reconnect.")
    @ApiResponse(responseCode = "201", description = "placed; the state TWS reported")
    @ApiResponse(responseCode = "200", description = "this key's order, placed before (nothing sent again)")
    @ApiResponse(responseCode = "202", description = "sent, TWS's answer not known yet (status UNKNOWN or pending)")
    @ApiResponse(responseCode = "400", description = "invalid order or missing key (type invalid-order)")
    @ApiResponse(responseCode = "403", description = "trading disabled, live account, or no permission")
    @ApiResponse(responseCode = "409", description = "key reused with another body (type idempotency-key-conflict)")
    @ApiResponse(
            responseCode = "422",
            description = "a limit was hit (order-limit) or TWS rejected or cancelled it (order-rejected,"
                    + " order-cancelled; IB's code in ibCode)")
    @ApiResponse(responseCode = "503", description = "not connected to TWS; see Retry-After")
    ResponseEntity<OrderView> placeOrder(
            @Parameter(
                            description = "the order's idempotency key (or give clientOrderId in the body)",
                            example = "rebalance-2026-12-02-1",
                            schema = @Schema(pattern = "^[A-Za-z0-9._:-]{1,100}$"))
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String key,
            @RequestBody OrderRequest request,
            Principal principal) {
        OrderService.Placed placed = orders.place(request, key, who(principal));
        HttpStatus status = switch (placed.outcome()) {
            case CREATED -> HttpStatus.CREATED;
            case EXISTING -> HttpStatus.OK;
            case ACCEPTED -> HttpStatus.ACCEPTED;
        };
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .body(placed.order());
    }

    @PostMapping(path = "/api/v1/orders/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Preview an order (IB's what-if): commission and margin effect, nothing placed")
    @ApiResponse(responseCode = "200", description = "TWS's what-if figures")
    @ApiResponse(responseCode = "400", description = "invalid order (type invalid-order)")
    @ApiResponse(responseCode = "422", description = "a limit was hit or TWS rejected it")
    @ApiResponse(responseCode = "503", description = "not connected to TWS; see Retry-After")
    ResponseEntity<PreviewView> previewOrder(@RequestBody OrderRequest request, Principal principal) {
        return noStore(PreviewView.of(previews.preview(request, who(principal))));
    }

    @GetMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "List open orders",
            description = "This gateway's working orders, from memory; with all=true also every other API client's"
                    + " and TWS's own open orders (asked of TWS).")
    @ApiResponse(responseCode = "200", description = "the open orders")
    @ApiResponse(responseCode = "503", description = "all=true while not connected to TWS")
    ResponseEntity<OrdersResponse> listOrders(
            @Parameter(description = "include other clients' and TWS's orders", example = "false")
                    @RequestParam(defaultValue = "false")
                    boolean all) {
        return noStore(new OrdersResponse(reads.list(all)));
    }

    @GetMapping(path = "/api/v1/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "One order, as TWS last reported it",
            description = "This gateway's order from memory; otherwise another API client's or TWS's own open order"
                    + " with this id (asked of TWS with reqAllOpenOrders when not in memory), as all=true lists them.")
    @ApiResponse(responseCode = "200", description = "the order")
    @ApiResponse(responseCode = "404", description = "no open order with this id (type order-not-found)")
    @ApiResponse(responseCode = "503", description = "not in memory and not connected to TWS; see Retry-After")
    ResponseEntity<OrderView> getOrder(@OrderId @PathVariable int id) {
        return noStore(reads.get(id));
    }

    @PatchMapping(path = "/api/v1/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a working order's price, quantity or time in force")
    @ApiResponse(responseCode = "200", description = "changed; the state TWS reported")
    @ApiResponse(responseCode = "400", description = "invalid change")
    @ApiResponse(responseCode = "403", description = "trading disabled")
    @ApiResponse(responseCode = "404", description = "no such order of this gateway")
    @ApiResponse(responseCode = "409", description = "the order is done and cannot be changed")
    @ApiResponse(responseCode = "422", description = "a limit was hit or TWS rejected the change")
    ResponseEntity<OrderView> modifyOrder(
            @OrderId @PathVariable int id, @RequestBody OrderChange change, Principal principal) {
        return noStore(orders.modify(
                id, change.limitPrice(), change.auxPrice(), change.quantity(), change.tif(), who(principal)));
    }

    @DeleteMapping(path = "/api/v1/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel an order; answers its end state (Cancelled, or Filled if the market was faster)")
    @ApiResponse(responseCode = "200", description = "the order after the cancel")
    @ApiResponse(responseCode = "403", description = "trading disabled")
    @ApiResponse(responseCode = "404", description = "no such order (IB 10147)")
    @ApiResponse(responseCode = "409", description = "not cancellable: filled or cancelled already (IB 10148)")
    ResponseEntity<OrderView> cancelOrder(@OrderId @PathVariable int id, Principal principal) {
        return noStore(orders.cancel(id, who(principal)));
    }

    @DeleteMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Cancel every open order of every client (emergency)",
            description = "Sends IB's reqGlobalCancel. Needs confirm=CANCEL_ALL.")
    @ApiResponse(responseCode = "202", description = "the global cancel was sent")
    @ApiResponse(responseCode = "400", description = "confirmation missing (type confirmation-required)")
    @ApiResponse(responseCode = "403", description = "trading disabled")
    ResponseEntity<Map<String, Object>> cancelAllOrders(
            @Parameter(
                            description = "must be CANCEL_ALL",
                            example = "CANCEL_ALL",
                            schema = @Schema(allowableValues = {"CANCEL_ALL"}))
                    @RequestParam(required = false)
                    String confirm,
            Principal principal) {
        orders.cancelAll(confirm, who(principal));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("globalCancelSent", true));
    }

    @GetMapping(path = "/api/v1/executions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Today's fills with commission and realized PnL, and today's completed orders",
            description = "execDetails joined with commission reports by execId; corrections replace the fill"
                    + " they correct.")
    @ApiResponse(responseCode = "200", description = "fills and completed orders")
    @ApiResponse(responseCode = "400", description = "malformed parameter")
    @ApiResponse(responseCode = "503", description = "not connected to TWS; see Retry-After")
    ResponseEntity<ExecutionsResponse> listExecutions(
            @Parameter(
                            description = "only this account",
                            example = "DU1111111",
                            schema = @Schema(pattern = "^[A-Za-z][A-Za-z0-9]{1,31}$"))
                    @RequestParam(required = false)
                    String account,
            @Parameter(
                            description = "only fills at or after this instant (ISO-8601)",
                            example = "2026-12-02T14:30:00Z",
                            schema = @Schema(format = "date-time"))
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant since,
            @Parameter(
                            description = "only this symbol",
                            example = "AAPL",
                            schema = @Schema(pattern = "^[A-Za-z0-9. ]{1,32}$"))
                    @RequestParam(required = false)
                    String symbol) {
        return noStore(reads.executions(account, symbol, since));
    }

    private static String who(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
