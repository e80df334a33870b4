package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One holding valued by TWS (reqAccountUpdates). Money is in {@code currency}, the contract's currency.
 * Market value = position x market price x multiplier; average cost is per contract (multiplier included).
 */
public record PortfolioRow(
        ContractView contract,
        @Schema(example = "100") BigDecimal position,
        @Schema(example = "150.25") BigDecimal averageCost,
        @Schema(example = "191.37") BigDecimal marketPrice,
        @Schema(example = "19137.0") BigDecimal marketValue,
        @Schema(example = "4112.0") BigDecimal unrealizedPnl,
        @Schema(example = "125.5") BigDecimal realizedPnl,
        @Schema(example = "USD") String currency) {}
