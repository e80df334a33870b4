package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order messages at each server-version layout (157, 176, 187, 193, 200), against the fixture file
 * tws/orders-ibapi-10.41.txt: requests are the exact bytes IB's Python client ibapi 10.41.1 (thewebbs/ims commit
 * 9580c86, ibapi/client.py) sends for the same order; server messages are byte sequences that ibapi 10.41.1's
 * decoder.py reads field for field at that version (see the file's header).
 */
class OrderMessagesTest {

    private static final Contract AAPL =
            new Contract(265598, "AAPL", "STK", "", Order.UNSET, "", "", "SMART", "", "USD", "", "");
    private static final Order ORDER = Order.of("BUY", new BigDecimal("10.5"), "LMT")
            .withPrices(190.25, Order.UNSET)
            .withRouting("DU1111111", "key-1", "GTC", "", true);

    private static String fixture(String kind, int version) throws IOException {
        try (InputStream in = OrderMessagesTest.class.getResourceAsStream("/tws/orders-ibapi-10.41.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(" ", 3);
                if (parts[0].equals(kind) && parts[1].equals(Integer.toString(version))) {
                    return parts[2];
                }
            }
        }
        throw new AssertionError("no fixture " + kind + " " + version);
    }

    private static String fields(WireMessage message, int version) {
        return new String(message.payload(version), StandardCharsets.UTF_8).replace('\0', '|');
    }

    private static byte[] payload(String pipes) {
        return pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 187, 193, 200})
    void requestsAreTheBytesIbsOwnClientSends(int version) throws IOException {
        PlaceOrder place = new PlaceOrder(42, AAPL, ORDER);
        assertThat(fields(place, version)).isEqualTo(fixture("PO", version));
        assertThat(fields(new CancelOrder(42), version)).isEqualTo(fixture("CA", version));
        assertThat(fields(new ReqGlobalCancel(), version)).isEqualTo(fixture("GC", version));
        assertThat(fields(new ReqExecutions(7, 0, "DU1111111", "", ""), version))
                .isEqualTo(fixture("RE", version));
        assertThat(fields(new ReqCompletedOrders(true), version)).isEqualTo(fixture("RC", version));
        assertThat(fields(new ReqOpenOrders(false), version)).isEqualTo(fixture("RO", version));
        assertThat(fields(new ReqOpenOrders(true), version)).isEqualTo(fixture("RA", version));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 187, 193, 200})
    void theSimulatorReadsWhatIbsClientSends(int version) throws IOException {
        ClientRequest read = ClientRequests.CODEC.decode(payload(fixture("PO", version)), version);

        assertThat(read).isEqualTo(new PlaceOrder(42, AAPL, ORDER));
        assertThat(ClientRequests.CODEC.decode(payload(fixture("CA", version)), version))
                .isEqualTo(new CancelOrder(42));
        assertThat(ClientRequests.CODEC.decode(payload(fixture("RE", version)), version))
                .isEqualTo(new ReqExecutions(7, 0, "DU1111111", "", ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 187, 193, 200})
    void serverMessagesReadAndWriteInTheLayoutIbsDecoderReads(int version) throws IOException {
        Contract held = new Contract(265598, "AAPL", "STK", "", 0, "", "", "SMART", "", "USD", "AAPL", "NMS");

        OpenOrder open = (OpenOrder) ServerMessages.CODEC.decode(payload(fixture("OO", version)), version);
        assertThat(open.orderId()).isEqualTo(42);
        assertThat(open.contract()).isEqualTo(held);
        assertThat(open.order()).isEqualTo(ORDER);
        assertThat(open.clientId()).isEqualTo(7);
        assertThat(open.permId()).isEqualTo(1376327563L);
        assertThat(open.state().status()).isEqualTo("Submitted");
        assertThat(open.state().warningText()).isEqualTo("warn");
        assertThat(fields(open, version)).isEqualTo(fixture("OO", version));

        CompletedOrder done = (CompletedOrder) ServerMessages.CODEC.decode(payload(fixture("CO", version)), version);
        assertThat(done.order().orderRef()).isEqualTo("key-1");
        assertThat(done.status()).isEqualTo("Filled");
        assertThat(done.filledQuantity()).isEqualByComparingTo("10.5");
        assertThat(done.completedTime()).isEqualTo("20261202 15:00:01 UTC");
        assertThat(fields(done, version)).isEqualTo(fixture("CO", version));

        ExecDetails exec = (ExecDetails) ServerMessages.CODEC.decode(payload(fixture("EX", version)), version);
        assertThat(exec.reqId()).isEqualTo(-1);
        assertThat(exec.orderId()).isEqualTo(42);
        assertThat(exec.execution().execId()).isEqualTo("0000e0d5.6566d8f7.01.01");
        assertThat(exec.execution().stem()).isEqualTo("0000e0d5.6566d8f7.01");
        assertThat(exec.execution().shares()).isEqualByComparingTo("10.5");
        assertThat(exec.execution().orderRef()).isEqualTo("key-1");
        assertThat(fields(exec, version)).isEqualTo(fixture("EX", version));
    }

    @ParameterizedTest
    @ValueSource(ints = {200})
    void statusAndCommission(int version) throws IOException {
        OrderStatus status = (OrderStatus) ServerMessages.CODEC.decode(payload(fixture("OS", version)), version);
        assertThat(status.status()).isEqualTo("Filled");
        assertThat(status.remaining()).isEqualByComparingTo("0");
        assertThat(status.avgFillPrice()).isEqualTo(190.25);
        assertThat(fields(status, version)).isEqualTo(fixture("OS", version));

        CommissionReport report =
                (CommissionReport) ServerMessages.CODEC.decode(payload(fixture("CR", version)), version);
        assertThat(report.commission()).isEqualTo(1.0);
        assertThat(report.hasRealizedPnl()).isFalse();
        assertThat(fields(report, version)).isEqualTo(fixture("CR", version));
    }

    /**
     * The fixture's OT lines: an openOrder whose every field after the warning text is set, laid out as ibapi 10.41.1
     * decoder.py processOpenOrder + orderdecoder.py read them (thewebbs/ims commit 9580c86, ibapi/orderdecoder.py
     * decodeVolRandomizeFlags .. decodeImbalanceOnly, ibapi/order_condition.py): read to the last field, each value
     * where IB's decoder puts it, and written back byte for byte.
     */
    @ParameterizedTest
    @ValueSource(ints = {157, 176, 187, 193, 200})
    void openOrderIsReadToItsLastFieldAsIbsDecoderReadsIt(int version) throws IOException {
        FieldReader fields = new FieldReader(payload(fixture("OT", version)));
        assertThat(fields.readInt()).isEqualTo(OpenOrder.ID);

        OpenOrder open = OpenOrder.read(fields, version);

        assertThat(fields.hasMore()).as("fields left unread").isFalse();
        assertThat(open.order().orderType()).isEqualTo("PEG BENCH");
        assertThat(open.state().warningText()).isEqualTo("warn");
        OpenOrderTail t = open.tail();
        assertThat(t.randomizeSize()).isTrue();
        assertThat(t.randomizePrice()).isFalse();
        assertThat(t.pegBench()).isEqualTo(new OpenOrderTail.PegBench(756733, true, 0.5, 0.25, "ARCA"));
        assertThat(t.conditions())
                .containsExactly(
                        new OpenOrderTail.Condition(1, true, List.of("1", "200.5", "265598", "SMART", "2")),
                        new OpenOrderTail.Condition(3, false, List.of("0", "20261202 15:30:00 US/Eastern")));
        assertThat(t.conditionsIgnoreRth()).isTrue();
        assertThat(t.conditionsCancelOrder()).isFalse();
        assertThat(t.adjusted()).isEqualTo(new OpenOrderTail.Adjusted("STP", 185.5, 184.25, 0.1, 183, 182.5, 1.5, 1));
        assertThat(t.softDollarTier()).isEqualTo(new OpenOrderTail.SoftDollarTier("Tier1", "T1", "Tier one"));
        assertThat(t.cashQty()).isEqualTo(2000.0);
        assertThat(List.of(
                        t.dontUseAutoPriceForHedge(),
                        t.isOmsContainer(),
                        t.discretionaryUpToLimitPrice(),
                        t.usePriceMgmtAlgo()))
                .containsExactly(true, false, true, true);
        assertThat(t.duration()).isEqualTo(version >= 158 ? 3600 : MessageWriter.UNSET_INT);
        assertThat(t.postToAts()).isEqualTo(version >= 160 ? 1 : MessageWriter.UNSET_INT);
        assertThat(t.autoCancelParent()).isEqualTo(version >= 162);
        assertThat(t.pegOffsets().minTradeQty()).isEqualTo(version >= 170 ? 100 : MessageWriter.UNSET_INT);
        assertThat(t.pegOffsets().midOffsetAtHalf()).isEqualTo(version >= 170 ? 0.005 : MessageWriter.UNSET_DOUBLE);
        assertThat(t.customerAccount()).isEqualTo(version >= 183 ? "CUST1" : "");
        assertThat(t.professionalCustomer()).isEqualTo(version >= 184);
        assertThat(t.bondAccruedInterest()).isEqualTo(version >= 185 ? "12.5" : "");
        assertThat(t.includeOvernight()).isEqualTo(version >= 189);
        assertThat(t.extOperator()).isEqualTo(version >= 193 ? "op-7" : "");
        assertThat(t.manualOrderIndicator()).isEqualTo(version >= 193 ? 1 : MessageWriter.UNSET_INT);
        assertThat(t.submitter()).isEqualTo(version >= 198 ? "trader-7" : "");
        assertThat(t.imbalanceOnly()).isEqualTo(version >= 199);
        assertThat(fields(open, version)).isEqualTo(fixture("OT", version));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 200})
    void anOpenOrderCutShortOrWithAnUnknownConditionTypeIsMalformed(int version) throws IOException {
        String full = fixture("OT", version);
        String cut = full.substring(0, full.indexOf("|Tier1|") + 1);
        assertThatThrownBy(() -> ServerMessages.CODEC.decode(payload(cut), version))
                .isInstanceOf(ProtocolException.class);
        String unknown = full.replace("|2|1|a|1|200.5|", "|2|9|a|1|200.5|");
        assertThatThrownBy(() -> ServerMessages.CODEC.decode(payload(unknown), version))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("condition type 9");
    }

    /** A conditional completed order (ibapi 10.41.1 processCompletedOrderMsg: decodeConditions after the status). */
    @ParameterizedTest
    @ValueSource(ints = {157, 200})
    void aCompletedOrderWithConditionsIsReadPastThem(int version) throws IOException {
        String plain = fixture("CO", version);
        assertThat(plain).contains("|Filled|0|0|0|");
        // one execution condition (order_condition.py ExecutionCondition: connector, secType, exchange, symbol)
        String conditional = plain.replace("|Filled|0|0|0|", "|Filled|0|0|1|5|a|STK|SMART|AAPL|1|0|");

        CompletedOrder done = (CompletedOrder) ServerMessages.CODEC.decode(payload(conditional), version);

        assertThat(done.filledQuantity()).isEqualByComparingTo("10.5");
        assertThat(done.completedTime()).isEqualTo("20261202 15:00:01 UTC");
    }
}
