package io.tradergateway.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.contract.ContractDescription;
import io.tradergateway.web.InvalidParameterException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/history/export}: what the store holds for a universe and a range, streamed straight from a
 * database cursor to the response (CSV or JSON lines), one bar at a time: memory stays flat whatever the size.
 * It never asks TWS; fill the store with a job first.
 */
@RestController
@RequestMapping("/api/v1/history/export")
@Tag(name = "History jobs", description = "Bulk history downloads into the store: durable, paced, restartable")
class HistoryExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final BarStore store;
    private final Clock clock;
    private final HistoryProperties settings;

    HistoryExportController(BarStore store, Clock clock, HistoryProperties settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    @GetMapping(produces = {"application/x-ndjson", "text/csv"})
    @Operation(
            summary = "Export stored bars",
            description = "Streams the stored bars of every contract of conIds over [start, end), contract by"
                    + " contract, oldest first: JSON lines (one object per bar, with its conId) by default, CSV with"
                    + " Accept: text/csv (header conId,time,open,high,low,close,volume,wap,count). Only what the"
                    + " store holds: ranges not yet fetched are simply absent.")
    @ApiResponse(responseCode = "200", description = "the bars, streamed")
    @ApiResponse(responseCode = "400", description = "a parameter is invalid (type invalid-parameter etc.)")
    @ApiResponse(responseCode = "503", description = "the store is unavailable (type store-unavailable)")
    ResponseEntity<StreamingResponseBody> exportBars(
            @Parameter(
                            description = "IB contract ids, comma-separated",
                            example = "265598,272093",
                            schema = @Schema(pattern = "^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,499}$"))
                    @RequestParam
                    String conIds,
            @Parameter(
                            description = "bar size, IB's spelling (1 secs ... 1 month) or 1s, 1m, 1h, 1d, 1w, 1mo",
                            example = "\"1 min\"",
                            schema = @Schema(pattern = "^[0-9]{1,2} ?[a-z]{1,6}$"))
                    @RequestParam
                    String barSize,
            @Parameter(
                            description = "data type, default TRADES",
                            example = "TRADES",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "TRADES",
                                                "MIDPOINT",
                                                "BID",
                                                "ASK",
                                                "BID_ASK",
                                                "HISTORICAL_VOLATILITY",
                                                "OPTION_IMPLIED_VOLATILITY"
                                            }))
                    @RequestParam(required = false)
                    String whatToShow,
            @Parameter(
                            description = "regular trading hours only, default true",
                            example = "true",
                            schema = @Schema(allowableValues = {"true", "false"}))
                    @RequestParam(required = false)
                    String useRth,
            @Parameter(
                            description = "ISO-8601 with zone",
                            example = "2026-01-05T00:00:00Z",
                            schema = @Schema(format = "date-time"))
                    @RequestParam
                    String start,
            @Parameter(
                            description = "ISO-8601 with zone, not in the future; default now",
                            example = "2026-03-02T00:00:00Z",
                            schema = @Schema(format = "date-time"))
                    @RequestParam(required = false)
                    String end,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) WebRequest request) {
        // a large export streams for minutes: without this the container's default async timeout (30 s) cuts it
        WebAsyncUtils.getAsyncManager(request)
                .getAsyncWebRequest()
                .setTimeout(settings.streamTimeout().toMillis());
        HistoryParameters p = HistoryParameters.parse(barSize, null, start, end, whatToShow, useRth, clock);
        java.time.Instant to = p.end() != null ? p.end() : clock.instant();
        List<Integer> ids = new ArrayList<>();
        for (String id : conIds.split(",")) {
            ids.add(ContractDescription.parseConId(id));
        }
        if (ids.size() > HistoryJobs.MAX_CONTRACTS) {
            throw new InvalidParameterException("conIds", "at most " + HistoryJobs.MAX_CONTRACTS + " contracts");
        }
        boolean csv = accept != null && accept.contains("text/csv");
        List<Long> series = ids.stream()
                .map(id -> store.seriesId(new BarStore.Series(id, p.barSize(), p.whatToShow(), p.useRth())))
                .toList();
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (csv) {
                writer.write("conId,time,open,high,low,close,volume,wap,count\n");
            }
            for (int i = 0; i < ids.size(); i++) {
                int conId = ids.get(i);
                store.stream(series.get(i), p.start(), to, bar -> {
                    try {
                        writer.write(csv ? csvLine(conId, bar) : jsonLine(conId, bar));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? BarFormat.CSV : NDJSON)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    static String csvLine(int conId, HistoryBar b) {
        return conId + "," + b.time() + "," + BarFormat.number(b.open()) + "," + BarFormat.number(b.high()) + ","
                + BarFormat.number(b.low()) + "," + BarFormat.number(b.close()) + "," + BarFormat.number(b.volume())
                + "," + BarFormat.number(b.wap()) + "," + b.count() + "\n";
    }

    static String jsonLine(int conId, HistoryBar b) {
        StringBuilder s = new StringBuilder(160);
        s.append("{\"conId\":")
                .append(conId)
                .append(",\"time\":\"")
                .append(b.time())
                .append('"');
        s.append(",\"open\":").append(BarFormat.number(b.open()));
        s.append(",\"high\":").append(BarFormat.number(b.high()));
        s.append(",\"low\":").append(BarFormat.number(b.low()));
        s.append(",\"close\":").append(BarFormat.number(b.close()));
        if (b.volume() != null) {
            s.append(",\"volume\":").append(BarFormat.number(b.volume()));
        }
        if (b.wap() != null) {
            s.append(",\"wap\":").append(BarFormat.number(b.wap()));
        }
        return s.append(",\"count\":").append(b.count()).append("}\n").toString();
    }
}
