package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
}
