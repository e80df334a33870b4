package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tradergateway.contract.ContractService;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.wire.HistoricalData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Coalescing and caching in front of the pacer: identical requests share one TWS request; only final answers are cached. */
class HistoryServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final TwsConnectionManager tws = mock(TwsConnectionManager.class);
    private CompletableFuture<List<HistoricalData.Bar>> answer;
    private HistoryService service;

    @BeforeEach
    void setUp() {
        answer = new CompletableFuture<>();
        when(tws.request(any())).thenAnswer(invocation -> answer);
        HistoryProperties settings = settings(50_000);
        HistoryPacer pacer = new HistoryPacer(settings.pacing(), clock, (when, pump) -> {});
        service = new HistoryService(tws, mock(ContractService.class), settings, pacer, clock);
    }

    /** The history settings of these unit tests, with a download budget of {@code downloadMaxBars}. */
    static HistoryProperties settings(long downloadMaxBars) {
        return new HistoryProperties(
                Duration.ofSeconds(60),
                10,
                500,
                4,
                downloadMaxBars,
                50_000,
                10_000,
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                PacingRules.ib());
    }

    private static BarRequest request(Instant end) {
        return new BarRequest(
                265598, "SMART", BarSize.parse("1 min"), HistoryDuration.parse("1 D"), end, WhatToShow.TRADES, true);
    }

    private static List<HistoricalData.Bar> bars() {
        return List.of(new HistoricalData.Bar(
                "1772550000", 190, 191, 189, 190.5, BigDecimal.TEN, BigDecimal.valueOf(190.2), 3));
    }

    @Test
    void identicalConcurrentRequestsShareOneTwsRequest() {
        BarRequest request = request(NOW.minus(Duration.ofDays(1)));
        CompletableFuture<List<HistoryBar>> first = service.fetch(request, ZoneOffset.UTC, true, true);
        CompletableFuture<List<HistoryBar>> second = service.fetch(request, ZoneOffset.UTC, true, true);
        answer.complete(bars());
        assertThat(first.join()).hasSize(1).isEqualTo(second.join());
        verify(tws, times(1)).request(any());
    }

    @Test
    void aFinalAnswerIsServedFromTheCacheWithoutTws() {
        BarRequest request = request(NOW.minus(Duration.ofDays(1)));
        service.fetch(request, ZoneOffset.UTC, true, true);
        answer.complete(bars());
        clock.advance(Duration.ofSeconds(20)); // past the identical-request window: only the cache can save TWS
        assertThat(service.fetch(request, ZoneOffset.UTC, true, true).join()).hasSize(1);
        verify(tws, times(1)).request(any());
    }

    @Test
    void anAnswerWhoseLastBarMayStillFormIsNotCached() {
        BarRequest request = request(NOW); // ends now: the last minute is still forming
        service.fetch(request, ZoneOffset.UTC, true, true);
        answer.complete(bars());
        clock.advance(Duration.ofSeconds(20));
        answer = new CompletableFuture<>();
        service.fetch(request, ZoneOffset.UTC, true, true);
        verify(tws, times(2)).request(any());
    }

    @Test
    void anAnswerTheStoreKeepsIsNotCachedTwice() {
        BarRequest request = request(NOW.minus(Duration.ofDays(1)));
        service.fetch(request, ZoneOffset.UTC, true, false);
        answer.complete(bars());
        clock.advance(Duration.ofSeconds(20));
        answer = new CompletableFuture<>();
        service.fetch(request, ZoneOffset.UTC, true, false);
        verify(tws, times(2)).request(any());
    }
}
