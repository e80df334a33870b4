package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One account the TWS session manages.
 *
 * @param baseCurrency the currency TWS reports the account's net liquidation in; absent until the account
 *     summary has arrived
 */
public record Account(
        @Schema(example = "DU1111111", description = "IB account code")
        String accountId,

        @Schema(example = "USD", description = "base currency, when known")
        String baseCurrency) {}
