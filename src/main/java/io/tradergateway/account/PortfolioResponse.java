package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One account's portfolio, served from memory.
 *
 * @param asOf when these rows were last updated from TWS
 * @param stale true when the rows are not being kept current right now: TWS disconnected, re-syncing, lost
 *     IB's servers, or (several accounts) TWS's one portfolio stream is on another account
 * @param resyncing true while a fresh download of this account is under way; the previous rows are served
 */
public record PortfolioResponse(
        @Schema(example = "DU1111111") String accountId,
        List<PortfolioRow> rows,
        List<PortfolioTotal> totals,
        @Schema(example = "2026-11-26T15:00:00Z") Instant asOf,
        boolean stale,
        boolean resyncing) {}
