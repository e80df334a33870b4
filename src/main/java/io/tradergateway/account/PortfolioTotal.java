package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** Sums of the portfolio rows in one currency (rows in different currencies are never added together). */
public record PortfolioTotal(
        @Schema(example = "USD") String currency,
        @Schema(example = "250000.0") BigDecimal marketValue,
        @Schema(example = "1234.5") BigDecimal unrealizedPnl,
        @Schema(example = "125.5") BigDecimal realizedPnl) {}
