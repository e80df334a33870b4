package io.tradergateway.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@ApiResponse(
        responseCode = "400",
        description = "a malformed parameter (type invalid-parameter), a description matching several contracts"
                + " (ambiguous-contract), or one TWS judged invalid (tws-request-rejected, with ibCode)")
@ApiResponse(responseCode = "404", description = "TWS knows no such contract (type contract-not-found)")
@ApiResponse(
        responseCode = "502",
        description = "TWS failed the lookup for a reason of its own (type tws-request-failed, with ibCode)")
@ApiResponse(responseCode = "503", description = "not connected to TWS; see Retry-After")
@ApiResponse(responseCode = "504", description = "TWS did not answer in time (type tws-timeout)")
@RestController
@RequestMapping(path = "/api/v1/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contracts", description = "Contract lookup (reqContractDetails), cached")
class ContractController {

    private final ContractService contracts;

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    /** @param contracts every match; several for loose descriptions (e.g. an option chain slice) */
    record ContractList(List<ContractInfo> contracts) {}

    @GetMapping
    @Operation(
            summary = "Find contracts by description",
            description = "Blank optional fields match anything; exchange SMART matches any exchange.")
    @ApiResponse(responseCode = "200", description = "every matching contract")
    ContractList find(@ParameterObject ContractDescription description) {
        return new ContractList(contracts.lookup(description.toQuery()));
    }

    @GetMapping("/{conId}")
    @Operation(summary = "Contract details by IB conId")
    @ApiResponse(responseCode = "200", description = "the contract")
    ContractInfo byConId(
            @Parameter(
                            description = "IB contract id, a positive integer",
                            example = "265598",
                            schema = @Schema(pattern = "^[1-9][0-9]{0,9}$"))
                    @PathVariable
                    String conId) {
        return contracts.byConId(ContractDescription.parseConId(conId));
    }
}
