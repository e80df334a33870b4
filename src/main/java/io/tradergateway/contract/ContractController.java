package io.tradergateway.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.web.InvalidParameterException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    ContractList find(
            @Parameter(
                            description = "IB symbol",
                            example = "AAPL",
                            schema = @Schema(pattern = "^[A-Za-z0-9][A-Za-z0-9 ./&-]{0,23}$"))
                    @RequestParam(required = false)
                    String symbol,
            @Parameter(
                            description = "security type: "
                                    + "STK, OPT, FUT, CASH, IND, FOP, WAR, BOND, CFD, CMDTY, FUND, CRYPTO",
                            example = "STK",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "STK", "OPT", "FUT", "CASH", "IND", "FOP", "WAR", "BOND", "CFD",
                                                "CMDTY", "FUND", "CRYPTO"
                                            }))
                    @RequestParam(required = false)
                    String secType,
            @Parameter(
                            description = "exchange, default SMART",
                            example = "SMART",
                            schema = @Schema(pattern = "^[A-Za-z0-9.]{1,16}$"))
                    @RequestParam(required = false)
                    String exchange,
            @Parameter(description = "ISO currency", example = "USD", schema = @Schema(pattern = "^[A-Za-z]{3}$"))
                    @RequestParam(required = false)
                    String currency,
            @Parameter(
                            description = "derivatives: yyyyMM or yyyyMMdd",
                            example = "202612",
                            schema = @Schema(pattern = "^(\\d{6}|\\d{8})$"))
                    @RequestParam(required = false)
                    String expiry,
            @Parameter(
                            description = "options: strike price, positive",
                            example = "150",
                            schema = @Schema(pattern = "^[0-9]*\\.?[0-9]+$"))
                    @RequestParam(required = false)
                    String strike,
            @Parameter(
                            description = "options: C or P (CALL, PUT accepted)",
                            example = "C",
                            schema = @Schema(allowableValues = {"C", "P", "CALL", "PUT"}))
                    @RequestParam(required = false)
                    String right) {
        return new ContractList(
                contracts.lookup(ContractQuery.parse(symbol, secType, exchange, currency, expiry, strike, right)));
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

    static int parseConId(String value) {
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
