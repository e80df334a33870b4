package io.tradergateway.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Positions of every account (or of one), served from memory.
 *
 * @param asOf when these positions were last updated from TWS
 * @param stale true when the positions are not being kept current right now (TWS disconnected or
 *     re-syncing, or TWS lost IB's servers): they are the last known ones
 * @param resyncing true while a fresh download from TWS is under way after a (re)connect; the previous
 *     positions are served until it is complete
 */
public record PositionsResponse(
        List<PositionView> positions,
        @Schema(example = "2026-11-26T15:00:00Z") Instant asOf,
        boolean stale,
        boolean resyncing) {}
