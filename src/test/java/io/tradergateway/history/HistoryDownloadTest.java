package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tradergateway.contract.ContractService;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.wire.HistoricalData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The download's memory bound: chunks requested and not yet written never exceed its budget (each counted at the
 * most bars its request can carry), answers arriving out of order are written in time order, and a chunk's share
 * of the budget is freed when it is written, not when it arrives. A real HistoryService and pacer over a TWS
 * client whose answers the test completes by hand; the clock never moves.
 */
class HistoryDownloadTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final int BARS_PER_CHUNK = 390;
    private static final long DAY_OF_MINUTES = 24 * 60 + 1; // BarRequest.maxBars of "1 D" of 1-min bars

    private final MutableClock clock = new MutableClock(NOW);
    private final TwsClient tws = mock(TwsClient.class);
    private final List<CompletableFuture<List<HistoricalData.Bar>>> sent = new ArrayList<>();
    private final List<Integer> heldAtSend = new ArrayList<>();
    private int written;

    private HistoryDownload download(List<HistoryPiece> pieces, long budgetBars) {
        when(tws.request(any())).thenAnswer(invocation -> {
            CompletableFuture<List<HistoricalData.Bar>> answer = new CompletableFuture<>();
            sent.add(answer);
            heldAtSend.add(sent.size() - written); // chunks requested and not yet written, this one included
            return answer;
        });
        HistoryProperties settings = HistoryServiceTest.settings(budgetBars);
        HistoryPacer pacer = new HistoryPacer(settings.pacing(), clock, (when, pump) -> {});
        HistoryService service = new HistoryService(tws, mock(ContractService.class), settings, pacer, clock);
        StoredHistory stored = new StoredHistory(mock(BarStore.class), Runnable::run, false, 50_000);
        return new HistoryDownload(
                service,
                stored,
                pieces,
                BarSize.parse("1 min"),
                ZoneOffset.UTC,
                new HistoryDownload.Limits(50, budgetBars, Duration.ofSeconds(5)),
                clock);
    }

    private static List<HistoryPiece> tenDaysOfMinuteBars() {
        HistoryParameters p = new HistoryParameters(
                BarSize.parse("1 min"),
                null,
                Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-02-11T00:00:00Z"),
                WhatToShow.TRADES,
                false);
        return HistoryPlan.of(HistoryPlanTest.AAPL, p, NOW, 100).stream()
                .map(c -> HistoryPiece.fromTws(c, null))
                .toList();
    }

    /** Answers the chunks sent but not yet answered, the latest first (TWS answers in any order). */
    private void answerOpenChunksInReverse(List<HistoryPiece> pieces) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (!sent.get(i).isDone()) {
                sent.get(i).complete(bars(pieces.get(i).chunk().from()));
            }
        }
    }

    @Test
    void chunksRequestedAndNotYetWrittenNeverExceedTheBudgetAndAreWrittenInTimeOrder() throws Exception {
        List<HistoryPiece> pieces = tenDaysOfMinuteBars();
        assertThat(pieces).hasSize(10);
        assertThat(pieces.get(0).chunk().request().maxBars()).isEqualTo(DAY_OF_MINUTES);
        HistoryDownload download = download(pieces, 3 * DAY_OF_MINUTES + 100); // three chunks fit, not four

        assertThat(sent)
                .as("three chunks requested at once, not the window's 50")
                .hasSize(3);
        answerOpenChunksInReverse(pieces);
        assertThat(sent)
                .as("an answer received does not free its share: only a written one does")
                .hasSize(3);

        assertThat(download.findFirstBars()).isTrue();
        List<Instant> times = new ArrayList<>();
        BarFormat csv = BarFormat.csv();
        BarFormat.Sink sink = piece -> {
            written++; // a chunk of 390 bars is one piece
            for (String line : new String(piece, StandardCharsets.UTF_8).split("\n")) {
                times.add(Instant.parse(line.substring(0, line.indexOf(','))));
            }
        };
        while (download.writeNext(csv, sink)) {
            answerOpenChunksInReverse(pieces);
        }

        assertThat(sent).hasSize(10);
        assertThat(heldAtSend).as("chunks held when each was requested").allMatch(held -> held <= 3);
        assertThat(heldAtSend).contains(3); // the budget is used, not left idle
        assertThat(times).hasSize(10 * BARS_PER_CHUNK).isSorted().doesNotHaveDuplicates();
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void aBudgetSmallerThanOneChunkFetchesOneChunkAtATimeAndStillCompletes() throws Exception {
        List<HistoryPiece> pieces = tenDaysOfMinuteBars();
        HistoryDownload download = download(pieces, 1000);

        assertThat(sent).hasSize(1);
        answerOpenChunksInReverse(pieces);
        assertThat(download.findFirstBars()).isTrue();
        List<Integer> sizes = new ArrayList<>();
        BarFormat.Sink sink = piece -> {
            written++;
            sizes.add(new String(piece, StandardCharsets.UTF_8).split("\n").length);
        };
        while (download.writeNext(BarFormat.csv(), sink)) {
            assertThat(sent).hasSize(Math.min(10, written + 1));
            answerOpenChunksInReverse(pieces);
        }

        assertThat(heldAtSend).allMatch(held -> held == 1);
        assertThat(sizes).hasSize(10).allMatch(size -> size == BARS_PER_CHUNK);
    }

    private static List<HistoricalData.Bar> bars(Instant from) {
        List<HistoricalData.Bar> bars = new ArrayList<>();
        for (int i = 0; i < BARS_PER_CHUNK; i++) {
            bars.add(new HistoricalData.Bar(
                    Long.toString(from.getEpochSecond() + 60L * i),
                    190,
                    191,
                    189,
                    190.5,
                    BigDecimal.TEN,
                    BigDecimal.valueOf(190.2),
                    3));
        }
        return bars;
    }
}
