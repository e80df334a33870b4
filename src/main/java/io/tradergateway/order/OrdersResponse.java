package io.tradergateway.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Open orders")
public record OrdersResponse(List<OrderView> orders) {}
