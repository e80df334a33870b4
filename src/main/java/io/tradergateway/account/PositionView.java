package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * One position of one account (from reqPositions). Average cost is per contract, i.e. including the
 * multiplier, as TWS reports it; it is in the contract's currency.
 */
public record PositionView(
        @Schema(example = "DU1111111") String accountId,
        ContractView contract,

        @Schema(example = "100", description = "negative for a short position")
        BigDecimal position,

        @Schema(example = "150.25") BigDecimal averageCost,
        @Schema(example = "USD") String currency) {}
