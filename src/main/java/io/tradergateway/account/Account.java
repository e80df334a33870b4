package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** One account the TWS session manages. */
public record Account(
        @Schema(example = "DU1111111", description = "IB account code")
        String accountId) {}
