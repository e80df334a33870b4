package io.tradergateway.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The hours of IB's contract details as the stale check reads them. The forms are IB's documented ones for
 * ContractDetails.tradingHours / liquidHours: "20180323:0400-20180323:2000;20180326:CLOSED" (TWS 970+) and the older
 * "20090507:0700-1830,1830-2330;20090508:CLOSED", times in the contract's timeZoneId.
 */
class TradingSessionsTest {

    private static final String LIQUID = "20261126:0930-20261126:1600;20261127:0930-20261127:1300";

    @Test
    void insideASessionSilenceCountsFromTheSessionStart() {
        TradingSessions s = TradingSessions.parse(LIQUID, "US/Eastern");
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-26T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-26T14:30:00Z"));
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-27T17:59:59Z")))
                .isEqualTo(Instant.parse("2026-11-27T14:30:00Z"));
    }

    @Test
    void betweenSessionsOfTheScheduleTheExchangeIsClosed() {
        TradingSessions s = TradingSessions.parse(LIQUID + ";20261128:CLOSED", "US/Eastern");
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-26T21:00:00Z"))).isNull(); // 16:00 ET: the close
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-27T03:00:00Z"))).isNull();
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-26T14:29:59Z"))).isNull();
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-28T16:00:00Z"))).isNull(); // CLOSED day
    }

    @Test
    void outsideTheDaysTheScheduleCoversSilenceAlwaysCounts() {
        TradingSessions s = TradingSessions.parse(LIQUID, "US/Eastern");
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-25T15:00:00Z"))).isEqualTo(Instant.MIN);
        assertThat(s.silenceCountsSince(Instant.parse("2026-11-30T15:00:00Z"))).isEqualTo(Instant.MIN);
    }

    @Test
    void theOlderFormWithSeveralRangesAndOvernightSessions() {
        TradingSessions s = TradingSessions.parse("20090507:0700-1830,1830-2330;20090508:CLOSED", "EST");
        assertThat(s.silenceCountsSince(Instant.parse("2009-05-08T00:00:00Z"))) // 19:00 EST
                .isEqualTo(Instant.parse("2009-05-07T23:30:00Z"));
        assertThat(s.silenceCountsSince(Instant.parse("2009-05-08T15:00:00Z"))).isNull();
        TradingSessions overnight = TradingSessions.parse("20261126:1700-1600", "America/Chicago");
        assertThat(overnight.silenceCountsSince(Instant.parse("2026-11-27T12:00:00Z"))) // 06:00 CST next day
                .isEqualTo(Instant.parse("2026-11-26T23:00:00Z"));
    }

    @Test
    void missingOrUnreadableHoursMeanSilenceAlwaysCounts() {
        Instant now = Instant.parse("2026-11-26T22:00:00Z");
        assertThat(TradingSessions.parse(null, "US/Eastern").silenceCountsSince(now))
                .isEqualTo(Instant.MIN);
        assertThat(TradingSessions.parse(LIQUID, "").silenceCountsSince(now)).isEqualTo(Instant.MIN);
        assertThat(TradingSessions.parse(LIQUID, "Mars/Olympus").silenceCountsSince(now))
                .isEqualTo(Instant.MIN);
        assertThat(TradingSessions.parse("open most days", "US/Eastern").silenceCountsSince(now))
                .isEqualTo(Instant.MIN);
    }
}
