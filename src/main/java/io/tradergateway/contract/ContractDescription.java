package io.tradergateway.contract;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tradergateway.web.InvalidParameterException;

/**
 * The contract-description query parameters, declared once for every endpoint that takes a contract by
 * description (contracts, history): bound from the query string and documented through
 * {@code @ParameterObject}. Endpoints that word one of them differently override just its description.
 */
public record ContractDescription(
        @Parameter(
                description = "IB symbol",
                example = "AAPL",
                schema = @Schema(pattern = "^[A-Za-z0-9][A-Za-z0-9 ./&-]{0,23}$"))
        String symbol,

        @Parameter(
                description = "security type: " + "STK, OPT, FUT, CASH, IND, FOP, WAR, BOND, CFD, CMDTY, FUND, CRYPTO",
                example = "STK",
                schema =
                        @Schema(
                                allowableValues = {
                                    "STK", "OPT", "FUT", "CASH", "IND", "FOP", "WAR", "BOND", "CFD", "CMDTY", "FUND",
                                    "CRYPTO"
                                }))
        String secType,

        @Parameter(
                description = "exchange, default SMART",
                example = "SMART",
                schema = @Schema(pattern = "^[A-Za-z0-9.]{1,16}$"))
        String exchange,

        @Parameter(description = "ISO currency", example = "USD", schema = @Schema(pattern = "^[A-Za-z]{3}$"))
        String currency,

        @Parameter(
                description = "derivatives: yyyyMM or yyyyMMdd",
                example = "202612",
                schema = @Schema(pattern = "^(\\d{6}|\\d{8})$"))
        String expiry,

        @Parameter(
                description = "options: strike price, positive",
                example = "150",
                schema = @Schema(pattern = "^[0-9]*\\.?[0-9]+$"))
        String strike,

        @Parameter(
                description = "options: C or P (CALL, PUT accepted)",
                example = "C",
                schema = @Schema(allowableValues = {"C", "P", "CALL", "PUT"}))
        String right) {

    /** Whether a description was given at all (a symbol is what every description needs). */
    public boolean given() {
        return symbol != null && !symbol.isBlank();
    }

    /** The description, validated: {@code InvalidParameterException} names the parameter that is wrong. */
    public ContractQuery toQuery() {
        return ContractQuery.parse(symbol, secType, exchange, currency, expiry, strike, right);
    }

    /** A conId parameter as IB's contract id, or a 400 naming the parameter. */
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
