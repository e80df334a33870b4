package io.tradergateway.history;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
        @NotNull @DefaultValue("15s") Duration identicalWindow,
        @NotNull @DefaultValue("2s") Duration burstWindow,
        @Min(1) @DefaultValue("5") int burstMax,
        @NotNull @DefaultValue("10m") Duration rateWindow,
        @Min(1) @DefaultValue("60") int rateMax,
        @NotNull @DefaultValue("30s") Duration appliesUpTo,
        @Min(1) @DefaultValue("2") int bidAskWeight,
        @Min(1) @DefaultValue("50") int maxOpen,
        @NotNull @DefaultValue("30s") Duration maxWait,
        @NotNull @DefaultValue("100ms") Duration margin) {

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
