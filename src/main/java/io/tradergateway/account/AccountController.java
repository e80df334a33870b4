package io.tradergateway.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Accounts, summary values and portfolios, served from memory")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "List the accounts the TWS session manages")
    @ApiResponse(responseCode = "200", description = "the managed accounts")
    @ApiResponse(
            responseCode = "503",
            description = "not connected to TWS or not yet synced; see Retry-After",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<AccountsResponse> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(accounts.accounts());
    }

    @GetMapping("/{accountId}/summary")
    @Operation(
            summary = "An account's summary values (net liquidation, cash, buying power, margins)",
            description = "Served from memory; stale=true while the values are not being kept current.")
    @ApiResponse(responseCode = "200", description = "the summary")
    @ApiResponse(responseCode = "400", description = "malformed account id (type invalid-account-id)")
    @ApiResponse(responseCode = "404", description = "account not managed by this session (type unknown-account)")
    @ApiResponse(
            responseCode = "503",
            description = "not downloaded from TWS yet (type account-data-not-synced); see Retry-After")
    ResponseEntity<SummaryResponse> summary(
            @Parameter(
                            description = "IB account code",
                            example = "DU1111111",
                            schema = @Schema(pattern = "^[A-Za-z][A-Za-z0-9]{1,31}$"))
                    @PathVariable
                    String accountId) {
        return noStore(accounts.summary(new AccountId(accountId)));
    }

    @GetMapping("/{accountId}/portfolio")
    @Operation(
            summary = "An account's holdings valued by TWS, with totals per currency",
            description = "Served from memory. TWS streams one account's portfolio at a time: with several"
                    + " accounts the stream rotates, and an account it is not on is served from its last visit"
                    + " with stale=true.")
    @ApiResponse(responseCode = "200", description = "the portfolio")
    @ApiResponse(responseCode = "400", description = "malformed account id (type invalid-account-id)")
    @ApiResponse(responseCode = "404", description = "account not managed by this session (type unknown-account)")
    @ApiResponse(
            responseCode = "503",
            description = "not downloaded from TWS yet (type account-data-not-synced); see Retry-After")
    ResponseEntity<PortfolioResponse> portfolio(
            @Parameter(
                            description = "IB account code",
                            example = "DU1111111",
                            schema = @Schema(pattern = "^[A-Za-z][A-Za-z0-9]{1,31}$"))
                    @PathVariable
                    String accountId) {
        return noStore(accounts.portfolio(new AccountId(accountId)));
    }

    static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
