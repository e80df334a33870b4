package io.tradergateway.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Today's fills with their commission, and today's completed orders")
public record ExecutionsResponse(List<ExecutionView> executions, List<OrderView> completedOrders) {}
