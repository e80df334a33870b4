package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The managed accounts of the current TWS session.
 *
 * @param asOf when TWS reported them (the start of the current session)
 */
public record AccountsResponse(
        List<Account> accounts,

        @Schema(description = "when TWS reported these accounts", example = "2026-11-26T07:00:00Z")
        Instant asOf) {}
