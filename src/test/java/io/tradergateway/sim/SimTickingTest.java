package io.tradergateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.MutableClock;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ReqCurrentTime;
import io.tradergateway.tws.wire.ReqMktData;
import io.tradergateway.tws.wire.RequestScoped;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.TickPrice;
import io.tradergateway.tws.wire.TickSize;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's tick settings over a real socket: the tick interval, which contracts move, the synthetic stocks a
 * load test follows, and the send hook a benchmark times ticks with (the volume it reports is the one the moves
 * carry).
 */
class SimTickingTest {

    private static final int AAPL = 265598;
    private static final int SIM1 = SimContracts.SYNTHETIC_BASE + 1;
    private static final int VOLUME = 8; // IB tick type: the day's volume

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    private final TwsSimulator simulator = new TwsSimulator(SimulatorSettings.defaults(), clock);
    private RawTwsClient client;

    @BeforeEach
    void connect() throws IOException {
        simulator.start();
        client = RawTwsClient.started(simulator.host(), simulator.port(), 7);
    }

    @AfterEach
    void close() throws IOException {
        try (TwsSimulator closing = simulator) {
            client.close();
        }
    }

    @Test
    void syntheticStocksAreKnownByConIdAndOnlyTheTickingContractsMove() throws IOException {
        assertThat(SimContracts.byConId(SIM1)).hasValueSatisfying(c -> {
            assertThat(c.symbol()).isEqualTo("SIM0001");
            assertThat(c.secType()).isEqualTo("STK");
        });
        assertThat(SimContracts.byConId(SimContracts.SYNTHETIC_BASE + SimContracts.SYNTHETIC_COUNT + 1))
                .isEmpty();
        fiftyMillisecondSteps();
        simulator.marketData().tickingContracts(Set.of(SIM1));
        List<Long> sent = new CopyOnWriteArrayList<>();
        simulator.marketData().onTickSent(sent::add);
        client.send(ReqMktData.byConId(1, SIM1, "SMART", "", false));
        client.send(ReqMktData.byConId(2, AAPL, "SMART", "", false));
        List<ServerMessage> first = untilCurrentTime();
        assertThat(first).anyMatch(m -> m instanceof TickPrice p && p.reqId() == 1);
        assertThat(first).anyMatch(m -> m instanceof TickPrice p && p.reqId() == 2);

        clock.advance(Duration.ofMillis(50)); // one tick step of 50 ms
        simulator.marketData().publish(); // the ticking thread may have published it already: once either way
        List<ServerMessage> moves = untilCurrentTime();

        assertThat(sent).hasSize(1);
        assertThat(moves)
                .filteredOn(m -> m instanceof TickSize s && s.reqId() == 1 && s.tickType() == VOLUME)
                .singleElement()
                .satisfies(m -> assertThat(((TickSize) m).size()).isEqualTo(BigDecimal.valueOf(sent.get(0))));
        assertThat(moves)
                .as("AAPL is not in the ticking contracts: its line keeps its first ticks")
                .noneMatch(m -> m instanceof RequestScoped r && r.reqId() == 2);
    }

    @Test
    void everyLineMovesOncePerTickIntervalWhenNoContractsAreNamed() throws IOException {
        fiftyMillisecondSteps();
        client.send(ReqMktData.byConId(2, AAPL, "SMART", "", false));
        untilCurrentTime();
        clock.advance(Duration.ofMillis(40)); // within the same 50 ms step
        simulator.marketData().publish();
        assertThat(untilCurrentTime()).noneMatch(m -> m instanceof TickPrice);
        clock.advance(Duration.ofMillis(10)); // the next step
        simulator.marketData().publish();
        assertThat(untilCurrentTime()).anyMatch(m -> m instanceof TickPrice p && p.reqId() == 2);
    }

    /** A new interval renumbers the steps: one publish takes that move before any line is open. */
    private void fiftyMillisecondSteps() {
        simulator.marketData().tickInterval(Duration.ofMillis(50));
        simulator.marketData().publish();
    }

    /** What the simulator sent until it answered a reqCurrentTime sent now (its messages keep their order). */
    private List<ServerMessage> untilCurrentTime() throws IOException {
        client.send(new ReqCurrentTime());
        List<ServerMessage> seen = new ArrayList<>();
        for (ServerMessage m = client.next(); !(m instanceof CurrentTime); m = client.next()) {
            seen.add(m);
        }
        return seen;
    }
}
