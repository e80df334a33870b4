package io.tradergateway.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.web.InvalidParameterException;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contracts", description = "Contract lookup (reqContractDetails), cached")
public class ContractController {

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
    ContractList find(@ParameterObject ContractDescription description) {
        return new ContractList(contracts.lookup(description.toQuery()));
    }

    @GetMapping("/{conId}")
    @Operation(summary = "Contract details by IB conId")
    ContractInfo byConId(
            @Parameter(
                            description = "IB contract id, a positive integer",
                            example = "265598",
                            schema = @Schema(pattern = "^[1-9][0-9]{0,9}$"))
                    @PathVariable
                    String conId) {
        return contracts.byConId(parseConId(conId));
    }

    /** A conId query or path value, or 400 {@code invalid-parameter} naming {@code conId}. */
    public static int parseConId(String value) {
        try {
            int conId = Integer.parseInt(value.trim());
            if (conId > 0) {
                return conId;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidParameterException(
                "conId",
                "conId must be a positive integer (IB's contract id), got '" + SecType.abbreviate(value) + "'");
    }
}
