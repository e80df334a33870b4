package io.tradergateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.tws.wire.CommissionReport;
import io.tradergateway.tws.wire.Contract;
import io.tradergateway.tws.wire.ExecDetails;
import io.tradergateway.tws.wire.Execution;
import io.tradergateway.tws.wire.MessageWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fills and their commissions, whatever order TWS sends them in: a commission report that comes well after its
 * execution (or before it) joins by execId, a correction replaces the fill it corrects, a replay is not a new fill;
 * each change is told to the listeners once.
 */
class ExecutionBookTest {

    private static final Contract AAPL =
            new Contract(265598, "AAPL", "STK", "", 0, "", "", "SMART", "", "USD", "AAPL", "NMS");

    private final ExecutionBook book = new ExecutionBook();
    private final List<ExecutionView> told = new ArrayList<>();

    @BeforeEach
    void listen() {
        book.addListener(new OrderEvents() {
            @Override
            public void onExecution(ExecutionView execution) {
                told.add(execution);
            }
        });
    }

    private static ExecDetails fill(String execId, double price) {
        return new ExecDetails(
                -1,
                42,
                AAPL,
                new Execution(
                        execId,
                        "20261202 15:00:01 UTC",
                        "DU1111111",
                        "NASDAQ",
                        "BOT",
                        BigDecimal.TEN,
                        price,
                        1376327563L,
                        7,
                        BigDecimal.TEN,
                        price,
                        "key-1",
                        1));
    }

    private static CommissionReport commission(String execId, double amount) {
        return new CommissionReport(execId, amount, "USD", MessageWriter.UNSET_DOUBLE, MessageWriter.UNSET_DOUBLE, 0);
    }

    @Test
    void aCommissionReportThatComesLaterJoinsItsExecution() {
        book.onExecution(fill("0001.0001.01.01", 190.25));
        assertThat(book.all())
                .singleElement()
                .extracting(ExecutionView::commission)
                .isNull();

        book.onCommission(commission("0001.0001.01.01", 1.25));

        assertThat(book.all())
                .singleElement()
                .extracting(ExecutionView::commission)
                .isEqualTo(1.25);
        assertThat(told).extracting(ExecutionView::commission).containsExactly(null, 1.25);
    }

    @Test
    void aCommissionReportThatComesFirstIsJoinedWhenItsExecutionArrives() {
        book.onCommission(commission("0001.0002.01.01", 1.0));
        book.onExecution(fill("0001.0002.01.01", 190.25));

        assertThat(book.all())
                .singleElement()
                .extracting(ExecutionView::commission)
                .isEqualTo(1.0);
        assertThat(told).hasSize(1);
    }

    @Test
    void aCorrectionReplacesTheFillItCorrectsAndAReplayIsNotANewFill() {
        book.onExecution(fill("0001.0003.01.01", 190.25));
        book.onExecution(fill("0001.0003.01.01", 190.25)); // reqExecutions after a reconnect
        book.onExecution(fill("0001.0003.01.02", 190.00)); // the correction
        book.onCommission(commission("0001.0003.01.02", 1.0));

        assertThat(book.all()).singleElement().satisfies(e -> {
            assertThat(e.execId()).isEqualTo("0001.0003.01.02");
            assertThat(e.price()).isEqualTo(190.00);
            assertThat(e.commission()).isEqualTo(1.0);
        });
        assertThat(told)
                .extracting(ExecutionView::execId)
                .containsExactly("0001.0003.01.01", "0001.0003.01.02", "0001.0003.01.02");
    }
}
