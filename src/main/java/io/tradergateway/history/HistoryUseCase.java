package io.tradergateway.history;

import io.tradergateway.contract.ContractInfo;
import io.tradergateway.contract.ContractQuery;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The history use case behind the controller: resolve the contract, plan the chunks, fetch and stream them.
 * Contract lookup, planning and the wait for the first bars happen on the request thread, inside the history
 * bulkhead, so every refusal (400, 404, 429, 503) is a proper problem response; the rest streams from the
 * history executor, chunk by chunk, so neither memory nor server threads grow with the number of bars.
 */
@Component
class HistoryUseCase {

    private static final Logger log = LoggerFactory.getLogger(HistoryUseCase.class);

    private final HistoryService history;
    private final StoredHistory stored;
    private final HistoryProperties settings;
    private final HistoryBulkhead bulkhead;
    private final Executor streams;
    private final Clock clock;

    HistoryUseCase(
            HistoryService history,
            StoredHistory stored,
            HistoryProperties settings,
            HistoryBulkhead bulkhead,
            @Qualifier("historyStreams") Executor streams,
            Clock clock) {
        this.history = history;
        this.stored = stored;
        this.settings = settings;
        this.bulkhead = bulkhead;
        this.streams = streams;
        this.clock = clock;
    }

    /** Bars for a contract given by conId ({@code id}) or description ({@code query}), streamed as {@code format}. */
    ResponseEntity<ResponseBodyEmitter> open(
            Integer id, ContractQuery query, HistoryParameters params, BarFormat format) {
        HistoryBulkhead.Permit permit = bulkhead.enter();
        HistoryDownload download = null;
        try {
            ContractInfo contract = history.contract(id, query, params.whatToShow());
            Instant now = clock.instant();
            List<HistoryPiece> pieces = stored.plan(contract, params, now, settings.maxChunks());
            ZoneId zone = HistoryService.zoneOf(contract);
            download = new HistoryDownload(
                    history,
                    stored,
                    pieces,
                    params.barSize(),
                    zone,
                    new HistoryDownload.Limits(
                            Math.min(settings.concurrency(), settings.pacing().maxOpen()),
                            settings.downloadMaxBars(),
                            settings.pacing().maxWait().plus(settings.timeout()).plusSeconds(5)),
                    clock);
            if (!download.findFirstBars()) {
                throw new HistoryFailure(
                        HistoryFailure.Kind.NO_DATA,
                        "TWS has no " + params.whatToShow() + " bars for " + contract.symbol() + " in this range",
                        null,
                        0);
            }
            ResponseBodyEmitter emitter =
                    new ResponseBodyEmitter(settings.streamTimeout().toMillis());
            Map<String, Object> head = describe(contract, params, pieces);
            HistoryDownload started = download;
            streams.execute(() -> stream(emitter, format, head, started, permit));
            return ResponseEntity.ok()
                    .contentType(format.mediaType())
                    .cacheControl(CacheControl.noStore())
                    .body(emitter);
        } catch (RejectedExecutionException e) {
            abandon(download, permit);
            throw new HistoryFailure(HistoryFailure.Kind.BUSY, "too many history downloads at once", null, 0);
        } catch (RuntimeException e) {
            abandon(download, permit);
            throw e;
        }
    }

    private void stream(
            ResponseBodyEmitter emitter,
            BarFormat format,
            Map<String, Object> head,
            HistoryDownload download,
            HistoryBulkhead.Permit permit) {
        try (permit) {
            MediaType type = format.mediaType();
            BarFormat.Sink out = piece -> emitter.send(piece, type);
            out.write(format.head(head).getBytes(StandardCharsets.UTF_8));
            while (download.writeNext(format, out)) {
                // each piece's bars are written and let go inside writeNext: nothing here holds them
            }
            out.write(format.tail().getBytes(StandardCharsets.UTF_8));
            emitter.complete();
        } catch (Exception e) {
            download.abandon(); // chunks still queued for this response are never sent
            // the status is sent already: the client must see a broken body, not a complete-looking short one
            log.warn("history stream ended early: {}", e.toString());
            emitter.completeWithError(new StreamAbortedException("history stream ended early", e));
        }
    }

    private static void abandon(HistoryDownload download, HistoryBulkhead.Permit permit) {
        if (download != null) {
            download.abandon();
        }
        permit.close();
    }

    private static Map<String, Object> describe(
            ContractInfo contract, HistoryParameters params, List<HistoryPiece> pieces) {
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
            head.put("start", pieces.get(0).from().toString());
        }
        Instant end = pieces.get(pieces.size() - 1).to();
        if (end != null) {
            head.put("end", end.toString());
        }
        return head;
    }
}
