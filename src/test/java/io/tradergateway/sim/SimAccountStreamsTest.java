package io.tradergateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.MutableClock;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.wire.AccountDownloadEnd;
import io.tradergateway.tws.wire.AccountUpdateTime;
import io.tradergateway.tws.wire.AccountValue;
import io.tradergateway.tws.wire.PortfolioValue;
import io.tradergateway.tws.wire.Position;
import io.tradergateway.tws.wire.PositionEnd;
import io.tradergateway.tws.wire.ReqAccountUpdates;
import io.tradergateway.tws.wire.ReqPositions;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's positions and account-update streams over a real socket, with a hand-moved clock. */
class SimAccountStreamsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    private TwsSimulator simulator;
    private RawTwsClient client;

    @BeforeEach
    void start() throws IOException {
        simulator = new TwsSimulator(SimulatorSettings.defaults(), clock).start();
        client = new RawTwsClient(simulator.host(), simulator.port());
        client.handshake(157, 200);
        client.startApi(1);
        client.next(io.tradergateway.tws.wire.NextValidId.class);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        simulator.close();
    }

    /** Messages up to and including the first of type {@code last}, skipping notices. */
    private List<ServerMessage> until(Class<? extends ServerMessage> last) throws IOException {
        List<ServerMessage> seen = new ArrayList<>();
        while (true) {
            ServerMessage message = client.next();
            if (message instanceof io.tradergateway.tws.wire.ErrorMessage) {
                continue;
            }
            seen.add(message);
            if (last.isInstance(message)) {
                return seen;
            }
        }
    }

    private static <T> List<T> only(List<ServerMessage> messages, Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void reqPositionsSendsTheBookOfBothAccountsThenPositionEnd() throws IOException {
        client.send(new ReqPositions());
        List<ServerMessage> messages = until(PositionEnd.class);

        List<Position> positions = only(messages, Position.class);
        List<Position> expected = new ArrayList<>(simulator.positions("DU1111111"));
        expected.addAll(simulator.positions("DU2222222"));
        assertThat(positions).containsExactlyElementsOf(expected);
        assertThat(positions).extracting(Position::secType).contains("STK", "FUT", "OPT", "CASH");
        assertThat(positions)
                .filteredOn(p -> p.position().signum() < 0)
                .extracting(Position::account, Position::symbol)
                .contains(org.assertj.core.groups.Tuple.tuple("DU2222222", "MSFT"));
        Position future = positions.stream()
                .filter(p -> p.secType().equals("FUT"))
                .findFirst()
                .orElseThrow();
        assertThat(future.averageCost())
                .as("per contract: price x multiplier 50")
                .isEqualTo(5550.25 * 50);
    }

    @Test
    void accountUpdatesDownloadValuesRowsTimeThenDownloadEnd() throws IOException {
        client.send(new ReqAccountUpdates(true, "DU1111111"));
        List<ServerMessage> messages = until(AccountDownloadEnd.class);

        assertThat(only(messages, AccountValue.class))
                .extracting(AccountValue::key)
                .contains(
                        "NetLiquidation",
                        "TotalCashValue",
                        "BuyingPower",
                        "AvailableFunds",
                        "ExcessLiquidity",
                        "GrossPositionValue",
                        "MaintMarginReq",
                        "InitMarginReq");
        List<PortfolioValue> rows = only(messages, PortfolioValue.class);
        assertThat(rows).containsExactlyElementsOf(simulator.portfolio("DU1111111"));
        for (PortfolioValue row : rows) {
            BigDecimal multiplier = row.multiplier().isEmpty() ? BigDecimal.ONE : new BigDecimal(row.multiplier());
            BigDecimal expected = row.position()
                    .multiply(BigDecimal.valueOf(row.marketPrice()))
                    .multiply(multiplier);
            assertThat(BigDecimal.valueOf(row.marketValue()))
                    .as(row.localSymbol())
                    .isEqualByComparingTo(expected);
        }
        assertThat(only(messages, AccountUpdateTime.class)).containsExactly(new AccountUpdateTime("15:00"));
        assertThat(messages.get(messages.size() - 1)).isEqualTo(new AccountDownloadEnd("DU1111111"));
    }

    @Test
    void subscribingToAnotherAccountReplacesThePreviousOneAsInTws() throws IOException {
        client.send(new ReqAccountUpdates(true, "DU1111111"));
        until(AccountDownloadEnd.class);
        client.send(new ReqAccountUpdates(true, "DU2222222"));
        until(AccountDownloadEnd.class);
        List<PortfolioValue> before = simulator.portfolio("DU2222222");

        clock.advance(SimPrices.STEP);
        simulator.publishMarketMoves();
        List<ServerMessage> moved = until(AccountUpdateTime.class);

        Set<String> accounts = only(moved, PortfolioValue.class).stream()
                .map(PortfolioValue::account)
                .collect(Collectors.toSet());
        assertThat(accounts).containsExactly("DU2222222");
        assertThat(only(moved, PortfolioValue.class)).containsExactlyElementsOf(simulator.portfolio("DU2222222"));
        assertThat(only(moved, PortfolioValue.class))
                .extracting(PortfolioValue::marketPrice)
                .doesNotContainAnyElementsOf(
                        before.stream().map(PortfolioValue::marketPrice).toList());
    }

    @Test
    void pricesAreDeterministicPerSeedAndMoveEveryStep() {
        SimPrices prices = new SimPrices(42);
        SimContract aapl = SimContracts.byConId(265598).orElseThrow();
        long step = prices.step(clock.instant());
        assertThat(new SimPrices(42).price(aapl, step)).isEqualTo(prices.price(aapl, step));
        for (SimContract contract : SimContracts.ALL) {
            for (long s = step; s < step + 20; s++) {
                assertThat(prices.price(contract, s + 1))
                        .as(contract.localSymbol())
                        .isNotEqualByComparingTo(prices.price(contract, s));
            }
        }
    }

    @Test
    void aFillIsStreamedToPositionSubscribers() throws IOException {
        client.send(new ReqPositions());
        until(PositionEnd.class);
        simulator.setPosition("DU2222222", 265598, BigDecimal.ZERO, BigDecimal.ZERO);
        Position closed = (Position) until(Position.class).get(0);
        assertThat(closed.account()).isEqualTo("DU2222222");
        assertThat(closed.position()).isEqualByComparingTo("0");
        assertThat(simulator.positions("DU2222222")).extracting(Position::conId).doesNotContain(265598);
    }
}
