package io.tradergateway.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tradergateway.contract.ContractInfo;
import io.tradergateway.contract.ContractQuery;
import io.tradergateway.contract.ContractService;
import io.tradergateway.contract.SecType;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsRequest;
import io.tradergateway.tws.TwsRequestException;
import io.tradergateway.tws.wire.CancelHistoricalData;
import io.tradergateway.tws.wire.HistoricalData;
import io.tradergateway.tws.wire.ReqHistoricalData;
import io.tradergateway.tws.wire.ServerVersions;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Fetches bars for one TWS request ({@link BarRequest}): from the cache when a final answer is there, else by
 * joining an identical request already in flight (coalescing), else through the {@link HistoryPacer} to TWS.
 * Answers whose last bar may still be forming are never cached, so a repeat later sees the finished bar.
 */
class HistoryService {

    private final TwsClient tws;
    private final ContractService contracts;
    private final HistoryProperties settings;
    private final HistoryPacer pacer;
    private final Clock clock;
    private final Cache<BarRequest, List<HistoryBar>> cache;
    private final Map<BarRequest, Shared> inFlight = new ConcurrentHashMap<>();

    HistoryService(
            TwsClient tws, ContractService contracts, HistoryProperties settings, HistoryPacer pacer, Clock clock) {
        this.tws = tws;
        this.contracts = contracts;
        this.settings = settings;
        this.pacer = pacer;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(settings.cacheMaxBars())
                .weigher((BarRequest key, List<HistoryBar> bars) -> bars.size() + 1)
                .expireAfterWrite(settings.cacheTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** The contract by conId or description, with whatToShow checked against what IB serves for its type. */
    ContractInfo contract(Integer conId, ContractQuery query, WhatToShow whatToShow) {
        ContractInfo contract = conId != null ? contracts.byConId(conId) : contracts.resolve(query);
        SecType type = SecType.valueOf(contract.secType());
        List<WhatToShow> allowed = WhatToShow.allowedFor(type);
        if (!allowed.contains(whatToShow)) {
            throw new InvalidHistoryParameterException(
                    "whatToShow",
                    HistoryProblems.INVALID_WHAT_TO_SHOW,
                    "whatToShow " + whatToShow + " is not available for " + type + " contracts",
                    allowed.stream().map(Enum::name).toList());
        }
        return contract;
    }

    static ZoneId zoneOf(ContractInfo contract) {
        try {
            return contract.timeZoneId() == null ? ZoneOffset.UTC : ZoneId.of(contract.timeZoneId());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * The bars of one TWS request. {@code bounded}: refuse with 429 when its pacing slot is beyond the bounded
     * wait (the first request of a download); the rest of an accepted download waits its turn. Each caller gets a
     * future of its own: cancelling it (a download that failed or lost its client) withdraws that caller, and
     * when no caller of an identical request is left and it still waits for its pacing slot, it is never sent.
     * {@code cacheable}: keep a final answer in the result cache; false where the store keeps it (holding the same bars
     * twice, once on the heap, is what made a year of 1-minute bars need twice the heap).
     */
    CompletableFuture<List<HistoryBar>> fetch(BarRequest request, ZoneId zone, boolean bounded, boolean cacheable) {
        List<HistoryBar> cached = cache.getIfPresent(request);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        boolean[] fresh = {false};
        Shared shared = inFlight.compute(request, (key, running) -> {
            Shared s = running;
            if (s == null) {
                s = new Shared();
                fresh[0] = true;
            }
            s.callers++;
            return s;
        });
        CompletableFuture<List<HistoryBar>> mine = shared.answer.copy();
        mine.whenComplete((bars, failure) -> {
            if (mine.isCancelled()) {
                withdraw(request, shared);
            }
        });
        if (fresh[0]) {
            try {
                shared.paced = pacer.submit(request.paced(), bounded, () -> tws.request(twsRequest(request)));
                shared.paced.whenComplete((bars, failure) -> finish(request, zone, cacheable, shared, bars, failure));
            } catch (RuntimeException e) {
                inFlight.remove(request, shared);
                shared.answer.completeExceptionally(e);
            }
        }
        return mine;
    }

    /** Whether this request would be answered or sent at once (cached, in flight, or its pacing slot is now). */
    boolean sendableNow(BarRequest request) {
        return cache.getIfPresent(request) != null || inFlight.containsKey(request) || pacer.slotNow(request.paced());
    }

    /** One TWS request and the callers waiting for it (identical requests are coalesced). */
    private static final class Shared {
        final CompletableFuture<List<HistoryBar>> answer = new CompletableFuture<>();
        volatile CompletableFuture<List<HistoricalData.Bar>> paced;
        int callers; // guarded by inFlight's compute on its key
    }

    private void withdraw(BarRequest request, Shared shared) {
        boolean[] last = {false};
        inFlight.computeIfPresent(request, (key, running) -> {
            if (running != shared) {
                return running;
            }
            last[0] = --running.callers == 0;
            return last[0] ? null : running;
        });
        CompletableFuture<List<HistoricalData.Bar>> paced = shared.paced;
        if (last[0] && paced != null) {
            paced.cancel(false); // still queued: the pacer drops it; already at TWS: it ends on its own
        }
    }

    private void finish(
            BarRequest request,
            ZoneId zone,
            boolean cacheable,
            Shared shared,
            List<HistoricalData.Bar> raw,
            Throwable failure) {
        CompletableFuture<List<HistoryBar>> mine = shared.answer;
        try {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                if (cause instanceof TwsRequestException e && HistoryErrors.isNoData(e)) {
                    raw = List.of(); // weekends and holidays inside a range are not an error
                } else {
                    mine.completeExceptionally(
                            cause instanceof TwsRequestException e
                                    ? HistoryErrors.classify(
                                            e, settings.pacing().identicalWindow())
                                    : cause);
                    return;
                }
            }
            List<HistoryBar> bars =
                    raw.stream().map(b -> HistoryBar.of(b, zone)).toList();
            if (cacheable && request.isFinal(clock.instant())) {
                cache.put(request, bars);
            }
            mine.complete(bars);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        } finally {
            inFlight.remove(request, shared);
        }
    }

    private TwsRequest<List<HistoricalData.Bar>> twsRequest(BarRequest r) {
        var status = tws.status();
        Integer version = status == null ? null : status.serverVersion();
        int serverVersion = version == null ? ServerVersions.MAX_SUPPORTED : version;
        return TwsRequest.withReqId(
                "historicalData " + r.conId() + " " + r.barSize() + " " + r.duration(),
                reqId -> ReqHistoricalData.byConId(
                        reqId,
                        r.conId(),
                        r.exchange(),
                        r.endDateTime(),
                        r.barSize().ibName(),
                        r.duration().toString(),
                        r.useRth(),
                        r.whatToShow().name()),
                CancelHistoricalData::new,
                () -> new BarsCollector(serverVersion),
                settings.timeout());
    }

    HistoryPacer pacer() {
        return pacer;
    }
}
