package io.tradergateway.history;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code gateway.history.pacing.*}: IB's historical-data pacing rules (IB's "historical data limitations", see
 * IB-FACTS.md), as configuration because IB has relaxed them for larger bars and may again. A rule is "at most
 * {@code max} (weighted) requests in any window of this length"; two requests are in one window when they are
 * less than the window apart.
 *
 * @param identicalWindow identical requests (same contract, exchange, bar size, duration, end, whatToShow, RTH)
 *     must be at least this far apart
 * @param burstWindow window of the same contract + exchange + tick type rule
 * @param burstMax requests allowed per burst window (IB: six or more within 2 s is a violation, so 5)
 * @param rateWindow window of the overall rule
 * @param rateMax requests allowed per rate window (IB: 60 per 10 minutes)
 * @param appliesUpTo the three rules apply to bars up to this size (IB: 30 s; IB lifted the hard limits for
 *     larger bars; raise it to throttle every request)
 * @param bidAskWeight how much a BID_ASK request counts (IB: twice)
 * @param maxOpen historical requests open at TWS at once (IB: 50)
 * @param maxWait longest a request may wait in the queue for its slot; beyond it the client gets 429 with the
 *     exact Retry-After
 * @param margin added to every window, for clock and network jitter between the gateway and IB's servers
 */
public record PacingRules(
        @DefaultValue("15s") Duration identicalWindow,
        @DefaultValue("2s") Duration burstWindow,
        @DefaultValue("5") int burstMax,
        @DefaultValue("10m") Duration rateWindow,
        @DefaultValue("60") int rateMax,
        @DefaultValue("30s") Duration appliesUpTo,
        @DefaultValue("2") int bidAskWeight,
        @DefaultValue("50") int maxOpen,
        @DefaultValue("30s") Duration maxWait,
        @DefaultValue("100ms") Duration margin) {

    public PacingRules {
        Assert.notNull(identicalWindow, "gateway.history.pacing.identical-window is required");
        Assert.notNull(burstWindow, "gateway.history.pacing.burst-window is required");
        Assert.isTrue(burstMax >= 1, () -> "gateway.history.pacing.burst-max must be at least 1, not " + burstMax);
        Assert.notNull(rateWindow, "gateway.history.pacing.rate-window is required");
        Assert.isTrue(rateMax >= 1, () -> "gateway.history.pacing.rate-max must be at least 1, not " + rateMax);
        Assert.notNull(appliesUpTo, "gateway.history.pacing.applies-up-to is required");
        Assert.isTrue(
                bidAskWeight >= 1,
                () -> "gateway.history.pacing.bid-ask-weight must be at least 1, not " + bidAskWeight);
        Assert.isTrue(maxOpen >= 1, () -> "gateway.history.pacing.max-open must be at least 1, not " + maxOpen);
        Assert.notNull(maxWait, "gateway.history.pacing.max-wait is required");
        Assert.notNull(margin, "gateway.history.pacing.margin is required");
    }

    /** IB's published rules. */
    public static PacingRules ib() {
        return new PacingRules(
                Duration.ofSeconds(15),
                Duration.ofSeconds(2),
                5,
                Duration.ofMinutes(10),
                60,
                Duration.ofSeconds(30),
                2,
                50,
                Duration.ofSeconds(30),
                Duration.ofMillis(100));
    }

    PacingRules withMaxWait(Duration wait) {
        return new PacingRules(
                identicalWindow,
                burstWindow,
                burstMax,
                rateWindow,
                rateMax,
                appliesUpTo,
                bidAskWeight,
                maxOpen,
                wait,
                margin);
    }

    PacingRules withMargin(Duration value) {
        return new PacingRules(
                identicalWindow,
                burstWindow,
                burstMax,
                rateWindow,
                rateMax,
                appliesUpTo,
                bidAskWeight,
                maxOpen,
                maxWait,
                value);
    }

    PacingRules withMaxOpen(int value) {
        return new PacingRules(
                identicalWindow,
                burstWindow,
                burstMax,
                rateWindow,
                rateMax,
                appliesUpTo,
                bidAskWeight,
                value,
                maxWait,
                margin);
    }
}
