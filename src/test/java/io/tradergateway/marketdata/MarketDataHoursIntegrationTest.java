package io.tradergateway.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.contract.ContractService;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Staleness counts only while the contract's exchange is open, by the liquid hours the simulator gives in AAPL's
 * contract details as TWS does (2026-11-26 09:30-16:00 and 2026-11-27 09:30-13:00, US/Eastern), on a hand-moved
 * clock that starts after Thursday's close. Each check runs the housekeeping pass itself after moving the clock, so
 * "not stale" is asserted after a pass that saw the silence, never after a pause.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.tws.reconnect-initial-delay=20ms",
            "gateway.tws.reconnect-max-delay=100ms",
            "gateway.tws.housekeeping-interval=20ms",
            "gateway.market-data.stale-after=5s",
            "gateway.market-data.check-interval=20ms"
        })
@ActiveProfiles("sim")
class MarketDataHoursIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int AAPL = 265598;

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-11-26T21:30:00Z")); // 16:30 ET: after the close
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TwsSimulator simulator;

    @Autowired
    MutableClock clock;

    @Autowired
    TwsClient tws;

    @Autowired
    MarketDataService marketData;

    @Autowired
    ContractService contracts;

    private boolean staleAfterAPass(List<Quote> seen) {
        marketData.housekeeping();
        return marketData.status().staleConIds().contains(AAPL)
                && seen.get(seen.size() - 1).stale();
    }

    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    @Test
    void aSilentFeedIsStaleOnlyWhileItsExchangeIsOpen() {
        Eventually.await("READY", WAIT, () -> tws.state() == ConnectionState.READY);
        List<Quote> seen = new CopyOnWriteArrayList<>();
        try (MarketDataService.Watch watch = marketData.watch(contracts.byConId(AAPL), seen::add)) {
            Eventually.await(
                    "the line's full set",
                    WAIT,
                    () -> !seen.isEmpty() && seen.get(seen.size() - 1).close() != null);
            simulator.marketData().stopTicking(true);
            try {
                // after the close: silent for far longer than stale-after, and not stale
                for (int i = 0; i < 10; i++) {
                    clock.advance(Duration.ofMinutes(10));
                    assertThat(staleAfterAPass(seen))
                            .as("closed at " + clock.instant())
                            .isFalse();
                }
                // Friday 09:30 ET: silence counts from the open, not from the last tick the evening before
                moveTo("2026-11-27T14:30:01Z");
                Eventually.await("READY after the night", WAIT, () -> tws.state() == ConnectionState.READY);
                assertThat(staleAfterAPass(seen)).as("1 s after the open").isFalse();
                Eventually.await("stale during the session", WAIT, () -> {
                    clock.advance(Duration.ofSeconds(2));
                    return staleAfterAPass(seen);
                });
                HttpResponse<String> status = new Http(port).get("/api/v1/status");
                assertThat(status.body()).contains("\"staleConIds\":[" + AAPL + "]");
                // 13:00 ET, the early close: no longer stale, though still silent
                moveTo("2026-11-27T18:00:30Z");
                Eventually.await("not stale after the close", WAIT, () -> {
                    clock.advance(Duration.ofSeconds(1));
                    marketData.housekeeping();
                    return !seen.get(seen.size() - 1).stale()
                            && marketData.status().staleConIds().isEmpty();
                });
            } finally {
                simulator.marketData().stopTicking(false);
            }
        }
    }
}
