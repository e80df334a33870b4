package io.tradergateway.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The most read endpoint: its answer is serialised once per change of the positions ({@link JsonBodyCache}), and
 * its ETag lets a poller ask {@code If-None-Match} and get 304 with no body (Spring answers that for a GET whose
 * entity carries an ETag).
 */
@RestController
@RequestMapping(path = "/api/v1/positions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
class PositionsController {

    private final AccountService accounts;
    private final JsonBodyCache<PositionsResponse> bodies;

    PositionsController(AccountService accounts, JsonMapper json) {
        this.accounts = accounts;
        this.bodies = new JsonBodyCache<>(json.writerFor(PositionsResponse.class));
    }

    @GetMapping
    @Operation(
            summary = "Positions of every account (or of one) with average cost",
            description = "Served from memory; stale=true while the positions are not being kept current. The"
                    + " answer carries an ETag: sent back in If-None-Match, it gets 304 Not Modified with no body"
                    + " while the positions have not changed.")
    @ApiResponse(
            responseCode = "200",
            description = "the positions",
            headers =
                    @Header(
                            name = "ETag",
                            description = "the version of this answer",
                            schema = @Schema(type = "string", example = "\"5f2b0c1e9a7d4e3b8c6a1f0e2d4b6a8c\"")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PositionsResponse.class)))
    @ApiResponse(
            responseCode = "304",
            description = "not modified since the ETag in If-None-Match; no body",
            content = @Content(schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "400", description = "malformed account id (type invalid-account-id)")
    @ApiResponse(responseCode = "404", description = "account not managed by this session (type unknown-account)")
    @ApiResponse(
            responseCode = "503",
            description = "not downloaded from TWS yet (type account-data-not-synced); see Retry-After")
    ResponseEntity<byte[]> positions(
            @Parameter(
                            description = "only this account (IB account code)",
                            example = "DU1111111",
                            schema = @Schema(pattern = "^[A-Za-z][A-Za-z0-9]{1,31}$"))
                    @RequestParam(required = false)
                    String account) {
        Optional<AccountId> id = Optional.ofNullable(account).map(AccountId::new);
        JsonBodyCache.Body body = bodies.body(id.map(AccountId::value).orElse(""), accounts.positions(id));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .eTag(body.etag())
                .body(body.json());
    }
}
