package io.tradergateway.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.contract.ContractDescription;
import io.tradergateway.contract.ContractQuery;
import io.tradergateway.web.InvalidParameterException;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/history}: HTTP only. It reads and validates the parameters (the contract as conId or
 * description, the bar parameters, the format from Accept) and hands them to {@link HistoryUseCase}, the use
 * case (plan, fetch, stream).
 */
@RestController
@RequestMapping("/api/v1/history")
@Tag(name = "History", description = "Historical bars: validated, paced, chunked, cached")
class HistoryController {

    private final HistoryUseCase history;
    private final JsonMapper mapper;
    private final Clock clock;

    HistoryController(HistoryUseCase history, JsonMapper mapper, Clock clock) {
        this.history = history;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @ApiResponse(responseCode = "200", description = "the bars, oldest first")
    @ApiResponse(
            responseCode = "400",
            description = "a parameter breaks IB's rules (type invalid-parameter), or TWS judged the request"
                    + " invalid (type history-rejected, with ibCode)")
    @ApiResponse(responseCode = "403", description = "no market data permission (type history-no-permission)")
    @ApiResponse(
            responseCode = "404",
            description = "no bars in the range (type history-no-data) or no such contract (contract-not-found)")
    @ApiResponse(responseCode = "429", description = "IB's pacing rules allow this request later; see Retry-After")
    @ApiResponse(
            responseCode = "502",
            description = "TWS failed the request for a reason of its own (type tws-request-failed, with ibCode)")
    @ApiResponse(responseCode = "503", description = "not connected to TWS, or history busy; see Retry-After")
    @ApiResponse(responseCode = "504", description = "TWS did not answer in time (type tws-timeout)")
    @Operation(
            summary = "Historical bars for one contract",
            description = "Give conId, or a description (symbol, secType, exchange, currency, expiry, strike, right)."
                    + " Give duration (one TWS request, IB's step-size table applies) or start[/end] (split into"
                    + " the largest requests IB allows and stitched). Paced by IB's rules: 429 with Retry-After"
                    + " when the wait would exceed the bounded wait. 404 history-no-data when the range has no"
                    + " bars. JSON by default, CSV with Accept: text/csv.",
            parameters = {
                @Parameter(name = "conId", in = ParameterIn.QUERY),
                @Parameter(name = "symbol", in = ParameterIn.QUERY, description = "IB symbol, when no conId is given"),
                @Parameter(name = "secType", in = ParameterIn.QUERY, description = "security type, default STK")
            })
    ResponseEntity<ResponseBodyEmitter> bars(
            @Parameter(
                            description = "IB contract id; or give symbol (and secType ...) instead",
                            example = "265598",
                            schema = @Schema(pattern = "^[1-9][0-9]{0,9}$"))
                    @RequestParam(required = false)
                    String conId,
            @ParameterObject ContractDescription contract,
            @Parameter(
                            description = "IB spelling (1 secs ... 1 month) or 1s, 1m, 1h, 1d, 1w, 1mo",
                            example = "\"1 min\"", // quoted: springdoc would read 1 min as the number 1
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "1 secs", "5 secs", "10 secs", "15 secs", "30 secs", "1 min", "2 mins",
                                                "3 mins", "5 mins", "10 mins", "15 mins", "20 mins", "30 mins",
                                                "1 hour", "2 hours", "3 hours", "4 hours", "8 hours", "1 day", "1 week",
                                                "1 month", "1s", "5s", "10s", "15s", "30s", "1m", "2m", "3m", "5m",
                                                "10m", "15m", "20m", "30m", "1h", "2h", "3h", "4h", "8h", "1d", "1w",
                                                "1mo"
                                            }))
                    @RequestParam(required = false)
                    String barSize,
            @Parameter(
                            description = "<n> S|D|W|M|Y; or give start",
                            example = "\"1 D\"",
                            schema = @Schema(pattern = "^[1-9][0-9]{0,5} ?[SDWMY]$"))
                    @RequestParam(required = false)
                    String duration,
            @Parameter(
                            description = "ISO-8601 with zone; instead of duration",
                            example = "2026-01-02T09:30:00-05:00",
                            schema = @Schema(format = "date-time"))
                    @RequestParam(required = false)
                    String start,
            @Parameter(
                            description = "ISO-8601 with zone, not in the future; default now",
                            example = "2026-01-02T16:00:00-05:00",
                            schema = @Schema(format = "date-time"))
                    @RequestParam(required = false)
                    String end,
            @Parameter(
                            description = "what the bars are built from (CASH has no TRADES)",
                            example = "TRADES",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "TRADES",
                                                "MIDPOINT",
                                                "BID",
                                                "ASK",
                                                "BID_ASK",
                                                "ADJUSTED_LAST",
                                                "HISTORICAL_VOLATILITY",
                                                "OPTION_IMPLIED_VOLATILITY"
                                            }))
                    @RequestParam(required = false)
                    String whatToShow,
            @Parameter(
                            description = "regular trading hours only; default true",
                            example = "true",
                            schema = @Schema(allowableValues = {"true", "false"}))
                    @RequestParam(required = false)
                    String useRth,
            @Parameter(
                            description = "application/json (default) or text/csv",
                            example = "text/csv",
                            schema = @Schema(allowableValues = {"application/json", "text/csv"}))
                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                    String accept) {
        HistoryParameters params = HistoryParameters.parse(barSize, duration, start, end, whatToShow, useRth, clock);
        Integer id = conId == null || conId.isBlank() ? null : ContractDescription.parseConId(conId);
        ContractQuery query = null;
        if (id == null) {
            if (!contract.given()) {
                throw new InvalidParameterException("conId", "conId or symbol (a contract description) is required");
            }
            query = contract.toQuery();
        } else if (contract.given()) {
            throw new InvalidParameterException("conId", "give conId or symbol, not both");
        }
        return history.open(id, query, params, BarFormat.forAccept(accept, mapper));
    }
}
