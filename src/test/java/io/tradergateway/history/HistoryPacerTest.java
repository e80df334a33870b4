package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The pacing scheduler against IB's rules, on a clock the test moves (no sleeping): each rule holds a request back
 * exactly until it fits, BID_ASK counts twice, at most maxOpen are open, and a request whose slot is beyond the
 * bounded wait is refused with the exact time after which a retry fits.
 */
class HistoryPacerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<String>> open = new ArrayList<>();
    private boolean answerAtOnce; // so that the open limit does not hide the rule under test

    private HistoryPacer pacer(PacingRules rules) {
        return new HistoryPacer(rules.withMargin(Duration.ZERO), clock, (when, pump) -> {});
    }

    private CompletableFuture<String> submit(
            HistoryPacer pacer, String id, String scope, WhatToShow what, long barSeconds, boolean bounded) {
        return pacer.submit(new PacingGate.Paced(id, scope, what, barSeconds), bounded, () -> {
            sent.add(id);
            CompletableFuture<String> answer = new CompletableFuture<>();
            open.add(answer);
            if (answerAtOnce) {
                answer.complete("bars");
            }
            return answer;
        });
    }

    private CompletableFuture<String> submit(HistoryPacer pacer, String id, String scope) {
        return submit(pacer, id, scope, WhatToShow.TRADES, 5, true);
    }

    private void advance(Duration by, HistoryPacer pacer) {
        clock.advance(by);
        pacer.pump();
    }

    @Test
    void anIdenticalRequestWaitsFifteenSeconds() {
        HistoryPacer pacer = pacer(PacingRules.ib());
        submit(pacer, "A", "AAPL");
        submit(pacer, "A", "AAPL");
        assertThat(sent).containsExactly("A");
        advance(Duration.ofMillis(14_999), pacer);
        assertThat(sent).hasSize(1);
        advance(Duration.ofMillis(1), pacer);
        assertThat(sent).containsExactly("A", "A");
    }

    @Test
    void theSixthRequestForOneContractWithinTwoSecondsWaits() {
        HistoryPacer pacer = pacer(PacingRules.ib());
        for (int i = 0; i < 6; i++) {
            submit(pacer, "r" + i, "AAPL");
        }
        submit(pacer, "other", "MSFT");
        assertThat(sent).containsExactly("r0", "r1", "r2", "r3", "r4", "other");
        advance(Duration.ofMillis(1_999), pacer);
        assertThat(sent).hasSize(6);
        advance(Duration.ofMillis(1), pacer);
        assertThat(sent).contains("r5");
    }

    @Test
    void theSixtyFirstRequestInTenMinutesWaitsForTheFirstToLeaveTheWindow() {
        HistoryPacer pacer = pacer(PacingRules.ib().withMaxWait(Duration.ofMinutes(11)));
        answerAtOnce = true;
        for (int i = 0; i < 61; i++) {
            submit(pacer, "r" + i, "c" + i); // distinct contracts: only the overall rule applies
        }
        assertThat(sent).hasSize(60);
        advance(Duration.ofMinutes(10).minusMillis(1), pacer);
        assertThat(sent).hasSize(60);
        advance(Duration.ofMillis(1), pacer);
        assertThat(sent).hasSize(61);
    }

    @Test
    void bidAskCountsTwice() {
        HistoryPacer pacer = pacer(PacingRules.ib());
        submit(pacer, "q1", "AAPL", WhatToShow.BID_ASK, 5, true);
        submit(pacer, "q2", "AAPL", WhatToShow.BID_ASK, 5, true);
        submit(pacer, "q3", "AAPL", WhatToShow.BID_ASK, 5, true); // 2 + 2 + 2 > 5
        assertThat(sent).containsExactly("q1", "q2");
        advance(Duration.ofSeconds(2), pacer);
        assertThat(sent).containsExactly("q1", "q2", "q3");
    }

    @Test
    void bidAskCountsTwiceAgainstTheTenMinuteRule() {
        HistoryPacer pacer = pacer(PacingRules.ib().withMaxWait(Duration.ofMinutes(11)));
        answerAtOnce = true;
        for (int i = 0; i < 31; i++) {
            submit(pacer, "q" + i, "c" + i, WhatToShow.BID_ASK, 5, true);
        }
        assertThat(sent).hasSize(30);
    }

    @Test
    void barsLargerThanThirtySecondsAreNotPaced() {
        HistoryPacer pacer = pacer(PacingRules.ib());
        for (int i = 0; i < 10; i++) {
            submit(pacer, "same", "AAPL", WhatToShow.TRADES, 60, true);
        }
        assertThat(sent).hasSize(10);
    }

    @Test
    void atMostFiftyAreOpenAndTheNextGoesWhenOneCompletes() {
        HistoryPacer pacer = pacer(PacingRules.ib());
        for (int i = 0; i < 51; i++) {
            submit(pacer, "d" + i, "c" + i, WhatToShow.TRADES, 86400, true);
        }
        assertThat(sent).hasSize(50);
        assertThat(pacer.open()).isEqualTo(50);
        open.get(0).complete("bars");
        pacer.pump();
        assertThat(sent).hasSize(51);
    }

    @Test
    void aRequestBeyondTheBoundedWaitGets429WithTheExactRetryAfter() {
        HistoryPacer pacer = pacer(PacingRules.ib().withMaxWait(Duration.ofSeconds(30)));
        answerAtOnce = true;
        for (int i = 0; i < 60; i++) {
            submit(pacer, "r" + i, "c" + i);
        }
        clock.advance(Duration.ofSeconds(100));
        // the next slot is at T0 + 10 min, 500 s away: 470 s more than the bounded wait
        assertThatThrownBy(() -> submit(pacer, "late", "x")).isInstanceOfSatisfying(HistoryFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(HistoryFailure.Kind.PACING_LIMITED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(470));
        });
        assertThat(io.tradergateway.web.Problems.retryAfterSeconds(Duration.ofMillis(470_001)))
                .isEqualTo(471);
        // retrying exactly then is accepted and sent 30 s later, at T0 + 10 min
        clock.advance(Duration.ofSeconds(470));
        CompletableFuture<String> retried = submit(pacer, "late", "x");
        assertThat(retried).isNotDone();
        advance(Duration.ofSeconds(30), pacer);
        assertThat(sent).contains("late");
    }

    @Test
    void aDownloadsLaterChunksWaitWithoutBound() {
        HistoryPacer pacer = pacer(PacingRules.ib().withMaxWait(Duration.ofSeconds(1)));
        for (int i = 0; i < 7; i++) {
            submit(pacer, "chunk" + i, "AAPL", WhatToShow.TRADES, 5, i == 0);
        }
        assertThat(sent).hasSize(5);
        assertThat(pacer.queued()).isEqualTo(2);
        advance(Duration.ofSeconds(2), pacer);
        assertThat(sent).hasSize(7);
    }

    @Test
    void aQueuedRequestThatCannotStartWithinItsWaitFails() {
        HistoryPacer pacer = pacer(PacingRules.ib().withMaxOpen(1).withMaxWait(Duration.ofSeconds(5)));
        submit(pacer, "a", "A", WhatToShow.TRADES, 86400, true);
        CompletableFuture<String> waiting = submit(pacer, "b", "B", WhatToShow.TRADES, 86400, true);
        advance(Duration.ofSeconds(6), pacer);
        assertThat(waiting).isCompletedExceptionally();
        assertThat(sent).containsExactly("a");
    }

    @Test
    void aRequestWithdrawnWhileQueuedIsNeverSentAndFreesItsSlot() {
        HistoryPacer pacer = pacer(PacingRules.ib());
        for (int i = 0; i < 5; i++) {
            submit(pacer, "chunk" + i, "AAPL", WhatToShow.TRADES, 5, false);
        }
        PacingGate.Paced sixth = new PacingGate.Paced("chunk5", "AAPL", WhatToShow.TRADES, 5);
        assertThat(pacer.slotNow(sixth)).as("the burst rule is full for 2 s").isFalse();
        CompletableFuture<String> withdrawn = submit(pacer, "chunk5", "AAPL", WhatToShow.TRADES, 5, false);
        CompletableFuture<String> behind = submit(pacer, "chunk6", "AAPL", WhatToShow.TRADES, 5, false);
        withdrawn.cancel(false);
        pacer.pump();
        assertThat(pacer.queued()).isEqualTo(1);
        advance(Duration.ofSeconds(2), pacer);
        assertThat(sent)
                .as("the withdrawn chunk never reaches TWS")
                .doesNotContain("chunk5")
                .contains("chunk6");
        assertThat(behind).isNotDone();
        assertThat(pacer.slotNow(new PacingGate.Paced("other", "MSFT", WhatToShow.TRADES, 5)))
                .as("another contract's burst window is free")
                .isTrue();
    }

    @Test
    void aSentRequestWhoseCallerGaveUpStaysOpenUntilTwsAnswers() {
        HistoryPacer pacer = pacer(PacingRules.ib().withMaxOpen(1));
        CompletableFuture<String> first = submit(pacer, "a", "A", WhatToShow.TRADES, 86400, false);
        CompletableFuture<String> second = submit(pacer, "b", "B", WhatToShow.TRADES, 86400, false);
        first.cancel(false);
        pacer.pump();
        assertThat(pacer.open())
                .as("TWS still works on it: the open limit counts it")
                .isEqualTo(1);
        assertThat(sent).containsExactly("a");
        open.get(0).complete("bars");
        pacer.pump();
        assertThat(sent).containsExactly("a", "b");
        assertThat(second).isNotDone();
    }

    /**
     * A write can be held up (behind other messages in the 50-per-second message pacer, or a stalled thread): while
     * it is under way, the request counts as sent at every instant checked, not when its write began, so another
     * thread's identical request is not sent on the strength of that too-early mark; once written, the rules count
     * from when it was written.
     */
    @Test
    void aRequestWhoseWriteIsStillUnderWayCountsAsSentNowNotWhenItsWriteBegan() {
        HistoryPacer pacer = pacer(PacingRules.ib());
        List<CompletableFuture<String>> other = new ArrayList<>();
        pacer.submit(new PacingGate.Paced("A", "AAPL", WhatToShow.TRADES, 5), true, () -> {
            clock.advance(Duration.ofSeconds(16)); // the write waits its turn ...
            other.add(submit(pacer, "A", "AAPL")); // ... while another thread asks for the identical request
            clock.advance(Duration.ofSeconds(4)); // written at T0 + 20 s
            sent.add("A (written at +20 s)");
            return new CompletableFuture<>();
        });

        assertThat(sent)
                .as("nothing identical goes while the first is still being written")
                .containsExactly("A (written at +20 s)");
        advance(Duration.ofSeconds(14), pacer); // T0 + 34 s: 14 s after the first really went
        assertThat(sent).hasSize(1);
        advance(Duration.ofSeconds(1), pacer); // T0 + 35 s
        assertThat(sent).containsExactly("A (written at +20 s)", "A");
        assertThat(other).hasSize(1);
    }
}
