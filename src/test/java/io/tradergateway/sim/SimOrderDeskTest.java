package io.tradergateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.support.MutableClock;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.wire.CancelOrder;
import io.tradergateway.tws.wire.CommissionReport;
import io.tradergateway.tws.wire.CompletedOrder;
import io.tradergateway.tws.wire.CompletedOrdersEnd;
import io.tradergateway.tws.wire.Contract;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ExecDetails;
import io.tradergateway.tws.wire.ExecDetailsEnd;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.OpenOrderEnd;
import io.tradergateway.tws.wire.Order;
import io.tradergateway.tws.wire.OrderStatus;
import io.tradergateway.tws.wire.PlaceOrder;
import io.tradergateway.tws.wire.ReqCompletedOrders;
import io.tradergateway.tws.wire.ReqExecutions;
import io.tradergateway.tws.wire.ReqOpenOrders;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's order desk over a real socket: life-cycle, fills, cancels, IB's error codes, faults. */
class SimOrderDeskTest {

    private static final Contract AAPL = new Contract(265598, "", "", "", Order.UNSET, "", "", "SMART", "", "", "", "");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T15:00:02Z"));
    private TwsSimulator simulator;
    private RawTwsClient client;
    private int nextId;

    @BeforeEach
    void start() throws IOException {
        simulator = new TwsSimulator(SimulatorSettings.defaults(), clock).start();
        client = connect(5);
    }

    private RawTwsClient connect(int clientId) throws IOException {
        RawTwsClient raw = new RawTwsClient(simulator.host(), simulator.port());
        raw.handshake(157, 200);
        raw.startApi(clientId);
        nextId = (int) raw.next(NextValidId.class).orderId();
        return raw;
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        simulator.close();
    }

    private static Order order(String action, String quantity, String type) {
        return Order.of(action, new BigDecimal(quantity), type).withRouting("DU1111111", "k", "DAY", "", false);
    }

    private int place(Order order) throws IOException {
        int id = nextId++;
        client.send(new PlaceOrder(id, AAPL, order));
        return id;
    }

    private List<ServerMessage> until(Predicate<ServerMessage> last) throws IOException {
        List<ServerMessage> seen = new ArrayList<>();
        while (true) {
            ServerMessage m = client.next();
            seen.add(m);
            if (last.test(m)) {
                return seen;
            }
        }
    }

    private static Predicate<ServerMessage> status(String status) {
        return m -> m instanceof OrderStatus s && s.status().equals(status);
    }

    private static Predicate<ServerMessage> error(int code) {
        return m -> m instanceof ErrorMessage e && e.code() == code;
    }

    private void nextStep() {
        clock.advance(Duration.ofSeconds(5));
        simulator.publishMarketMoves();
    }

    @Test
    void aMarketOrderIsAcknowledgedThenFilledWithExecutionCommissionAndPosition() throws IOException {
        BigDecimal before = simulator.positions("DU1111111").stream()
                .filter(p -> p.conId() == 265598)
                .findFirst()
                .orElseThrow()
                .position();
        int id = place(order("BUY", "100", "MKT"));

        List<ServerMessage> seen = until(m -> m instanceof CommissionReport);

        assertThat(seen)
                .filteredOn(OrderStatus.class::isInstance)
                .extracting(m -> ((OrderStatus) m).status())
                .containsExactly("PreSubmitted", "Submitted", "Filled");
        ExecDetails exec = (ExecDetails)
                seen.stream().filter(ExecDetails.class::isInstance).findFirst().orElseThrow();
        assertThat(exec.orderId()).isEqualTo(id);
        assertThat(exec.execution().orderRef()).isEqualTo("k");
        assertThat(((CommissionReport) seen.get(seen.size() - 1)).execId())
                .isEqualTo(exec.execution().execId());
        assertThat(simulator.positions("DU1111111").stream()
                        .filter(p -> p.conId() == 265598)
                        .findFirst()
                        .orElseThrow()
                        .position())
                .isEqualByComparingTo(before.add(new BigDecimal("100")));
    }

    @Test
    void aLargeOrderFillsInPartsOnePartPerPriceStep() throws IOException {
        place(order("BUY", "1200", "MKT"));
        until(m -> m instanceof OrderStatus s && s.filled().compareTo(new BigDecimal("500")) == 0);
        nextStep();
        until(m -> m instanceof OrderStatus s && s.filled().compareTo(new BigDecimal("1000")) == 0);
        nextStep();
        OrderStatus last = (OrderStatus) until(status("Filled")).stream()
                .filter(status("Filled"))
                .findFirst()
                .orElseThrow();
        assertThat(last.filled()).isEqualByComparingTo("1200");
        assertThat(last.remaining()).isEqualByComparingTo("0");
    }

    @Test
    void aRestingLimitOrderIsCancelledThenCannotBeCancelledAgain() throws IOException {
        int id = place(order("BUY", "10", "LMT").withPrices(100.00, Order.UNSET));
        until(status("Submitted"));

        client.send(new CancelOrder(id));
        List<ServerMessage> seen = until(error(202));
        assertThat(seen)
                .filteredOn(OrderStatus.class::isInstance)
                .extracting(m -> ((OrderStatus) m).status())
                .containsExactly("PendingCancel", "Cancelled");

        client.send(new CancelOrder(id));
        assertThat(((ErrorMessage) until(error(10148)).get(0)).reqId()).isEqualTo(id);
        client.send(new CancelOrder(99_999));
        assertThat(until(error(10147))).isNotEmpty();
    }

    @Test
    void twsRulesRejectOffTickPricesReusedIdsAndInjectedRejects() throws IOException {
        place(order("BUY", "10", "LMT").withPrices(190.005, Order.UNSET));
        assertThat(((ErrorMessage) last(until(error(110)))).message()).contains("minimum price variation");

        int used = place(order("BUY", "1", "MKT"));
        until(status("Filled"));
        client.send(new PlaceOrder(used - 1, AAPL, order("BUY", "1", "MKT")));
        assertThat(((ErrorMessage) last(until(error(103)))).reqId()).isEqualTo(used - 1);

        simulator.orders().faults().rejectNext(201, "Order rejected - reason:no trading permissions");
        int rejected = place(order("BUY", "1", "MKT"));
        assertThat(((ErrorMessage) last(until(error(201)))).reqId()).isEqualTo(rejected);
    }

    @Test
    void whatIfAnswersMarginAndCommissionAndPlacesNothing() throws IOException {
        place(order("BUY", "100", "MKT").withWhatIf(true));
        OpenOrder answer = client.next(OpenOrder.class);

        assertThat(answer.order().whatIf()).isTrue();
        assertThat(new BigDecimal(answer.state().initMarginChange())).isPositive();
        assertThat(answer.state().commission()).isEqualTo(1.0);
        assertThat(simulator.orders().orders()).isEmpty();
    }

    @Test
    void anOrderWhoseSocketDroppedBeforeTheAckIsFoundAfterReconnect() throws IOException {
        simulator.orders().faults().dropNext(SimOrders.Drop.BEFORE_ACK);
        int id = place(order("BUY", "10", "LMT").withPrices(100.00, Order.UNSET));
        assertThatThrownBy(() -> until(m -> m instanceof OpenOrder)).isInstanceOf(IOException.class); // closed, no ack
        client.close();

        client = connect(5);
        assertThat(nextId).isGreaterThan(id); // TWS never hands out a used id again
        client.send(new ReqOpenOrders(false));
        List<ServerMessage> open = until(m -> m instanceof OpenOrderEnd);
        assertThat(open)
                .filteredOn(OpenOrder.class::isInstance)
                .extracting(m -> ((OpenOrder) m).orderId())
                .containsExactly(id);
    }

    @Test
    void executionsAndCompletedOrdersAreReplayedOnRequest() throws IOException {
        int id = place(order("SELL", "5", "MKT"));
        until(m -> m instanceof CommissionReport);

        client.send(new ReqExecutions(1 << 30, 0, "", "", ""));
        List<ServerMessage> execs = until(m -> m instanceof ExecDetailsEnd);
        assertThat(execs)
                .filteredOn(ExecDetails.class::isInstance)
                .extracting(m -> ((ExecDetails) m).reqId())
                .containsExactly(1 << 30);
        assertThat(execs).filteredOn(CommissionReport.class::isInstance).hasSize(1);

        client.send(new ReqCompletedOrders(false));
        List<ServerMessage> done = until(m -> m instanceof CompletedOrdersEnd);
        assertThat(done)
                .filteredOn(CompletedOrder.class::isInstance)
                .extracting(m -> ((CompletedOrder) m).status())
                .containsExactly("Filled");
        assertThat(id).isPositive();
    }

    private static ServerMessage last(List<ServerMessage> messages) {
        return messages.get(messages.size() - 1);
    }
}
