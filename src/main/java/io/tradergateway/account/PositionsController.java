package io.tradergateway.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/positions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
class PositionsController {

    private final AccountService accounts;

    PositionsController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(
            summary = "Positions of every account (or of one) with average cost",
            description = "Served from memory; stale=true while the positions are not being kept current.")
    @ApiResponse(responseCode = "200", description = "the positions")
    @ApiResponse(responseCode = "400", description = "malformed account id (type invalid-account-id)")
    @ApiResponse(responseCode = "404", description = "account not managed by this session (type unknown-account)")
    @ApiResponse(
            responseCode = "503",
            description = "not downloaded from TWS yet (type account-data-not-synced); see Retry-After")
    ResponseEntity<PositionsResponse> positions(
            @Parameter(
                            description = "only this account (IB account code)",
                            example = "DU1111111",
                            schema = @Schema(pattern = "^[A-Za-z][A-Za-z0-9]{1,31}$"))
                    @RequestParam(required = false)
                    String account) {
        return AccountController.noStore(
                accounts.positions(Optional.ofNullable(account).map(AccountId::new)));
    }
}
