package io.tradergateway.marketdata;

import static io.tradergateway.marketdata.MarketDataProblemExamples.PROBLEM_JSON;
import static io.tradergateway.marketdata.MarketDataProblemExamples.PROBLEM_SCHEMA;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.contract.ContractDescription;
import io.tradergateway.contract.ContractInfo;
import io.tradergateway.contract.ContractService;
import io.tradergateway.web.InvalidParameterException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Market data", description = "Quotes from shared TWS market-data lines")
class QuotesController {

    private final MarketDataService marketData;
    private final ContractService contracts;
    private final MarketDataProperties settings;
    private final Clock clock;

    QuotesController(
            MarketDataService marketData, ContractService contracts, MarketDataProperties settings, Clock clock) {
        this.marketData = marketData;
        this.contracts = contracts;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param quotes one per contract asked for, in the order asked */
    record QuotesResponse(List<Quote> quotes, Instant asOf) {}

    @GetMapping(path = "/api/v1/quotes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Quotes for one or more contracts",
            description = "Give conId (repeat it or comma-separate for several) and/or one contract description."
                    + " A contract already watched answers at once from its shared line; a new one opens a line and"
                    + " waits up to gateway.market-data.quote-wait for bid, ask and last (the line then lingers, so"
                    + " polling is cheap). Each value says whether it is live, frozen, delayed or delayed-frozen; with"
                    + " no live subscription the gateway falls back to delayed data and says so in `fallback`. 429"
                    + " market-data-lines-exhausted names the line limit.")
    @ApiResponse(
            responseCode = "200",
            description = "one quote per contract asked for, in the order asked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = QuotesResponse.class)))
    @ApiResponse(
            responseCode = "400",
            description = "no contract given, a malformed conId, or more contracts than"
                    + " gateway.market-data.max-contracts-per-request (invalid-parameter, naming the parameter)",
            content =
                    @Content(
                            mediaType = PROBLEM_JSON,
                            schema = @Schema(ref = PROBLEM_SCHEMA),
                            examples = {
                                @ExampleObject(
                                        name = "malformed-conId",
                                        value =
                                                "{\"type\":\"urn:trader-gateway:problem:invalid-parameter\","
                                                        + "\"title\":\"Invalid parameter\",\"status\":400,\"detail\":\"conId must"
                                                        + " be a positive integer (IB's contract id), got 'abc'\",\"parameter\":\"conId\"}"),
                                @ExampleObject(
                                        name = "nothing-given",
                                        value =
                                                "{\"type\":\"urn:trader-gateway:problem:invalid-parameter\","
                                                        + "\"title\":\"Invalid parameter\",\"status\":400,\"detail\":\"give conId"
                                                        + " (one or more) or a contract description (symbol)\",\"parameter\":\"conId\"}")
                            }))
    @ApiResponse(
            responseCode = "403",
            description = "no live market data and no delayed fallback (market-data-not-subscribed: IB 354 / 10089 /"
                    + " 10197 with gateway.market-data.delayed-fallback=false, or 10168)",
            content =
                    @Content(
                            mediaType = PROBLEM_JSON,
                            schema = @Schema(ref = PROBLEM_SCHEMA),
                            examples =
                                    @ExampleObject(
                                            name = "market-data-not-subscribed",
                                            value = MarketDataProblemExamples.NOT_SUBSCRIBED)))
    @ApiResponse(
            responseCode = "429",
            description = "every market-data line is in use (market-data-lines-exhausted, `limit` names"
                    + " gateway.market-data.max-lines); Retry-After: the linger",
            content =
                    @Content(
                            mediaType = PROBLEM_JSON,
                            schema = @Schema(ref = PROBLEM_SCHEMA),
                            examples =
                                    @ExampleObject(
                                            name = "market-data-lines-exhausted",
                                            value = MarketDataProblemExamples.LINES_EXHAUSTED)))
    @ApiResponse(responseCode = "503", description = "not connected to TWS; see Retry-After")
    QuotesResponse quotes(
            @Parameter(
                            description = "IB contract ids, repeated or comma-separated",
                            example = "265598",
                            schema = @Schema(pattern = "^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9})*$"))
                    @RequestParam(name = "conId", required = false)
                    String conIds,
            @ParameterObject ContractDescription description) {
        Set<Integer> ids = new LinkedHashSet<>();
        if (conIds != null) {
            for (String part : conIds.split(",")) {
                ids.add(ContractDescription.parseConId(part));
            }
        }
        List<ContractInfo> wanted = new ArrayList<>();
        if (description != null && description.given()) {
            ContractInfo found = contracts.resolve(description.toQuery());
            if (ids.add(found.conId())) {
                wanted.add(found);
            }
        }
        if (ids.isEmpty()) {
            throw new InvalidParameterException("conId", "give conId (one or more) or a contract description (symbol)");
        }
        if (ids.size() > settings.maxContractsPerRequest()) {
            throw new InvalidParameterException(
                    "conId",
                    "at most " + settings.maxContractsPerRequest() + " contracts per request, got " + ids.size());
        }
        for (int id : ids) {
            if (wanted.stream().noneMatch(c -> c.conId() == id)) {
                wanted.add(contracts.byConId(id));
            }
        }
        List<Quote> quotes = new ArrayList<>();
        for (ContractInfo contract : wanted) {
            quotes.add(marketData.quote(contract));
        }
        return new QuotesResponse(quotes, clock.instant());
    }
}
