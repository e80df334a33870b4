package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact layouts of the market-data and PnL messages. Field orders: IB's Python client ibapi 10.4x as vendored
 * in thewebbs/ims (ibapi/client.py reqMktData, cancelMktData, reqMarketDataType, reqPnL, cancelPnL, reqPnLSingle,
 * cancelPnLSingle; ibapi/decoder.py processTickPriceMsg, processTickSizeMsg, processTickReqParams, processPnLMsg,
 * processPnLSingleMsg and the wrapped tickString, tickGeneric, tickSnapshotEnd, marketDataType). The captured
 * strings are wboayue/rust-ibapi v1.2.0 (commit dd49f1de359d02a7493148d2f50af1ff8780e1d8) fixtures, named where
 * used, so an independent client agrees with every byte.
 */
class MarketDataMessagesTest {

    private static final List<Integer> VERSIONS = IntStream.rangeClosed(
                    ServerVersions.MIN_SUPPORTED, ServerVersions.MAX_SUPPORTED)
            .boxed()
            .toList();

    private static String fields(WireMessage message, int serverVersion) {
        return new String(message.payload(serverVersion), StandardCharsets.UTF_8).replace('\0', '|');
    }

    private static byte[] payload(String pipes) {
        return pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reqMktDataCarriesTheRequestContractThenDeltaNeutralGenericTicksSnapshotRegulatoryAndOptions() {
        ReqMktData request = ReqMktData.byConId(9000, 265598, "SMART", "100,101,104,106", false);
        // rust-ibapi v1.2.0 src/market_data/realtime/tests/market_data_tests.rs: field 1 is "11", field 16 the
        // generic ticks, field 17 the snapshot flag; the contract's 12 fields sit at 3..14 (ibapi client.py).
        String expected = "1|11|9000|265598|||||||SMART|||||0|100,101,104,106|0|0||";
        for (int version : VERSIONS) {
            assertThat(fields(request, version)).as("server version " + version).isEqualTo(expected);
            assertThat(ClientRequests.CODEC.decode(payload(expected), version)).isEqualTo(request);
        }
        String[] split = expected.split("\\|", -1);
        assertThat(split[16]).isEqualTo("100,101,104,106");
        assertThat(split[17]).isEqualTo("0");
    }

    @Test
    void aSnapshotRequestSetsTheSnapshotFlag() {
        assertThat(fields(ReqMktData.byConId(7, 8314, "SMART", "", true), 176))
                .isEqualTo("1|11|7|8314|||||||SMART|||||0||1|0||");
    }

    @Test
    void aBagOrDeltaNeutralRequestIsRefusedRatherThanMisread() {
        assertThatThrownBy(() -> ClientRequests.CODEC.decode(payload("1|11|7|0|X|BAG||||||SMART||USD|||"), 176))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ClientRequests.CODEC.decode(payload("1|11|7|8314|||||||SMART|||||1|5|0.5|1.0|"), 176))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void cancelAndMarketDataTypeRequests() {
        assertThat(fields(new CancelMktData(9000), 176)).isEqualTo("2|2|9000|");
        // rust-ibapi v1.2.0 src/market_data.rs: "59|1|3|"
        assertThat(fields(new ReqMarketDataType(3), 176)).isEqualTo("59|1|3|");
        assertThat(ClientRequests.CODEC.decode(payload("59|1|3|"), 176)).isEqualTo(new ReqMarketDataType(3));
        assertThat(ClientRequests.CODEC.decode(payload("2|2|9000|"), 176)).isEqualTo(new CancelMktData(9000));
        assertThatThrownBy(() -> new ReqMarketDataType(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pnlRequestsMatchRustIbapiCaptures() {
        // rust-ibapi v1.2.0 src/accounts/tests.rs
        assertThat(fields(new ReqPnL(9000, "DU1234567", "TARGET2024"), 176)).isEqualTo("92|9000|DU1234567|TARGET2024|");
        assertThat(fields(new ReqPnL(9001, "DU1234567", null), 176)).isEqualTo("92|9001|DU1234567||");
        assertThat(fields(new CancelPnL(9000), 176)).isEqualTo("93|9000|");
        assertThat(fields(new ReqPnLSingle(9000, "DU1234567", "TARGET2024", 1001), 176))
                .isEqualTo("94|9000|DU1234567|TARGET2024|1001|");
        assertThat(fields(new CancelPnLSingle(9000), 176)).isEqualTo("95|9000|");
        for (String capture :
                List.of("92|9000|DU1234567|TARGET2024|", "93|9000|", "94|9000|DU1234567||1001|", "95|9001|")) {
            WireMessage decoded = ClientRequests.CODEC.decode(payload(capture), 176);
            assertThat(fields(decoded, 176)).isEqualTo(capture);
        }
    }

    @Test
    void tickPriceCaptureDecodesPriceSizeAndAttributes() {
        // rust-ibapi v1.2.0 src/market_data/realtime/decoders/tests.rs: "1\02\09000\01\0185.50\0100\07\0"
        ServerMessage decoded = ServerMessages.CODEC.decode(payload("1|2|9000|1|185.50|100|7|"), 176);
        assertThat(decoded).isEqualTo(new TickPrice(9000, 1, 185.5, new BigDecimal("100"), 7));
    }

    @Test
    void tickSizeStringAndGenericCapturesDecode() {
        // rust-ibapi v1.2.0 src/market_data/realtime/tests/market_data_tests.rs
        assertThat(ServerMessages.CODEC.decode(payload("2|2|9001|0|150|"), 176))
                .isEqualTo(new TickSize(9001, 0, new BigDecimal("150")));
        assertThat(ServerMessages.CODEC.decode(payload("46|2|9001|45|2023-03-13 09:30:00|"), 176))
                .isEqualTo(new TickString(9001, 45, "2023-03-13 09:30:00"));
        assertThat(ServerMessages.CODEC.decode(payload("45|2|9001|23|20.5|"), 176))
                .isEqualTo(new TickGeneric(9001, 23, 20.5));
    }

    @Test
    void anUnsetSizeIsNull() {
        assertThat(ServerMessages.CODEC.decode(payload("2|6|9001|0||"), 176)).isEqualTo(new TickSize(9001, 0, null));
    }

    @Test
    void pnlCapturesDecode() {
        // rust-ibapi v1.2.0 src/accounts/decoders/tests.rs
        assertThat(ServerMessages.CODEC.decode(payload("94|9000|0.1|0.2|0.3|"), 176))
                .isEqualTo(new PnL(9000, 0.1, 0.2, 0.3));
        assertThat(ServerMessages.CODEC.decode(payload("95|9000|100.0|0.1|0.2|0.3|0.4|"), 176))
                .isEqualTo(new PnLSingle(9000, new BigDecimal("100.0"), 0.1, 0.2, 0.3, 0.4));
        PnL unset = (PnL) ServerMessages.CODEC.decode(payload("94|9000|12.5|1.7976931348623157E308||"), 176);
        assertThat(unset.unrealized()).isEqualTo(MessageWriter.UNSET_DOUBLE);
        assertThat(unset.realized()).isEqualTo(MessageWriter.UNSET_DOUBLE);
    }

    @Test
    void everyInboundMarketDataMessageRoundTripsAtEveryServerVersion() {
        List<ServerMessage> messages = List.of(
                new TickPrice(5, 66, 189.51, new BigDecimal("300"), 0),
                new TickSize(5, 8, new BigDecimal("12345")),
                new TickString(5, 45, "1764687600"),
                new TickGeneric(5, 49, 0.0),
                new TickSnapshotEnd(5),
                new MarketDataType(5, 3),
                new TickReqParams(5, 0.01, "9c0001", 3),
                new PnL(6, -12.5, 340.25, 0.0),
                new PnLSingle(7, new BigDecimal("-25"), 1.5, -20.0, 0.0, 4725.0));
        for (int version : VERSIONS) {
            for (ServerMessage message : messages) {
                assertThat(ServerMessages.CODEC.decode(message.payload(version), version))
                        .as(message + " at " + version)
                        .isEqualTo(message);
            }
        }
        assertThat(fields(new MarketDataType(5, 3), 176)).isEqualTo("58|1|5|3|");
        assertThat(fields(new TickSnapshotEnd(5), 176)).isEqualTo("57|1|5|");
        assertThat(fields(new TickReqParams(5, 0.01, "9c0001", 3), 176)).isEqualTo("81|5|0.01|9c0001|3|");
    }
}
