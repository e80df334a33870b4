package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** An amount of money: a decimal number (never a binary float) and its ISO currency. */
public record Money(
        @Schema(example = "123456.78") BigDecimal amount,
        @Schema(example = "USD") String currency) {}
