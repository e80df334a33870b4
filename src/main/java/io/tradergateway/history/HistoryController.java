package io.tradergateway.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.contract.ContractInfo;
import io.tradergateway.contract.ContractQuery;
import io.tradergateway.web.InvalidParameterException;
import io.tradergateway.web.StreamAbortedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
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
 * {@code GET /api/v1/history}. Validation, contract lookup and the wait for the first bars happen on the request
 * thread, inside the history bulkhead, so every refusal (400, 404, 429, 503) is a proper problem response; the
 * rest streams from the history executor, chunk by chunk, so neither memory nor server threads grow with the
 * number of bars.
 */
@RestController
@RequestMapping("/api/v1/history")
@Tag(name = "History", description = "Historical bars: validated, paced, chunked, cached")
class HistoryController {

    private static final Logger log = LoggerFactory.getLogger(HistoryController.class);

    private final HistoryService history;
    private final HistoryProperties settings;
    private final HistoryBulkhead bulkhead;
    private final Executor streams;
    private final JsonMapper mapper;
    private final Clock clock;

    HistoryController(
            HistoryService history,
            HistoryProperties settings,
            HistoryBulkhead bulkhead,
            @Qualifier("historyStreams") Executor streams,
            JsonMapper mapper,
            Clock clock) {
        this.history = history;
        this.settings = settings;
        this.bulkhead = bulkhead;
        this.streams = streams;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(
            summary = "Historical bars for one contract",
            description = "Give conId, or a description (symbol, secType, exchange, currency, expiry, strike, right)."
                    + " Give duration (one TWS request, IB's step-size table applies) or start[/end] (split into"
                    + " the largest requests IB allows and stitched). Paced by IB's rules: 429 with Retry-After"
                    + " when the wait would exceed the bounded wait. 404 history-no-data when the range has no"
                    + " bars. JSON by default, CSV with Accept: text/csv.")
    ResponseEntity<ResponseBodyEmitter> bars(
            @Parameter(
                            description = "IB contract id; or give symbol (and secType ...) instead",
                            example = "265598",
                            schema = @Schema(pattern = "^[1-9][0-9]{0,9}$"))
                    @RequestParam(required = false)
                    String conId,
            @Parameter(
                            description = "IB symbol, when no conId is given",
                            example = "AAPL",
                            schema = @Schema(pattern = "^[A-Za-z0-9][A-Za-z0-9 ./&-]{0,23}$"))
                    @RequestParam(required = false)
                    String symbol,
            @Parameter(
                            description = "security type, default STK",
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
                    String right,
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
        Integer id = conId == null || conId.isBlank() ? null : parseConId(conId);
        ContractQuery query = null;
        if (id == null) {
            if (symbol == null || symbol.isBlank()) {
                throw new InvalidParameterException("conId", "conId or symbol (a contract description) is required");
            }
            query = ContractQuery.parse(symbol, secType, exchange, currency, expiry, strike, right);
        } else if (symbol != null && !symbol.isBlank()) {
            throw new InvalidParameterException("conId", "give conId or symbol, not both");
        }
        BarFormat format = BarFormat.forAccept(accept, mapper);
        HistoryBulkhead.Permit permit = bulkhead.enter();
        try {
            ContractInfo contract = history.contract(id, query, params.whatToShow());
            Instant now = clock.instant();
            List<HistoryPlan.Chunk> chunks = HistoryPlan.of(contract, params, now, settings.maxChunks());
            ZoneId zone = HistoryService.zoneOf(contract);
            HistoryDownload download = new HistoryDownload(
                    history,
                    chunks,
                    zone,
                    settings.prefetch(),
                    settings.pacing().maxWait().plus(settings.timeout()).plusSeconds(5));
            List<HistoryBar> first = download.firstBars();
            if (first == null) {
                throw new HistoryFailure(
                        HistoryFailure.Kind.NO_DATA,
                        "TWS has no " + params.whatToShow() + " bars for " + contract.symbol() + " in this range",
                        null,
                        0);
            }
            ResponseBodyEmitter emitter =
                    new ResponseBodyEmitter(settings.streamTimeout().toMillis());
            Map<String, Object> head = describe(contract, params, chunks);
            streams.execute(() -> stream(emitter, format, head, first, download, permit));
            return ResponseEntity.ok()
                    .contentType(format.mediaType())
                    .cacheControl(CacheControl.noStore())
                    .body(emitter);
        } catch (RejectedExecutionException e) {
            permit.close();
            throw new HistoryFailure(HistoryFailure.Kind.BUSY, "too many history downloads at once", null, 0);
        } catch (RuntimeException e) {
            permit.close();
            throw e;
        }
    }

    private void stream(
            ResponseBodyEmitter emitter,
            BarFormat format,
            Map<String, Object> head,
            List<HistoryBar> first,
            HistoryDownload download,
            HistoryBulkhead.Permit permit) {
        try (permit) {
            MediaType type = format.mediaType();
            BarFormat.Sink out = piece -> emitter.send(piece, type);
            out.write(format.head(head).getBytes(StandardCharsets.UTF_8));
            List<HistoryBar> bars = first;
            do {
                format.write(bars, out);
            } while ((bars = download.next()) != null);
            out.write(format.tail().getBytes(StandardCharsets.UTF_8));
            emitter.complete();
        } catch (Exception e) {
            // the status is sent already: the client must see a broken body, not a complete-looking short one
            log.warn("history stream ended early: {}", e.toString());
            emitter.completeWithError(new StreamAbortedException("history stream ended early", e));
        }
    }

    private static Map<String, Object> describe(
            ContractInfo contract, HistoryParameters params, List<HistoryPlan.Chunk> chunks) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("conId", contract.conId());
        head.put("symbol", contract.symbol());
        head.put("secType", contract.secType());
        head.put("exchange", contract.exchange());
        head.put("currency", contract.currency());
        head.put("barSize", params.barSize().ibName());
        head.put("whatToShow", params.whatToShow().name());
        head.put("useRth", params.useRth());
        if (params.duration() != null) {
            head.put("duration", params.duration().toString());
        } else {
            head.put("start", chunks.get(0).from().toString());
        }
        BarRequest last = chunks.get(chunks.size() - 1).request();
        if (last.end() != null) {
            head.put("end", last.end().toString());
        }
        return head;
    }

    private static int parseConId(String value) {
        try {
            int id = Integer.parseInt(value.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidParameterException(
                "conId",
                "conId must be a positive integer (IB's contract id), got '" + HistoryParameters.shown(value) + "'");
    }
}
