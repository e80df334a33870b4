package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact layouts of the historical-data messages. Field orders: IB's Python client (ibapi client.py
 * reqHistoricalData, decoder.py processHistoricalDataMsg / processHistoricalDataEndMsg /
 * processHistoricalDataUpdateMsg) and scmhub/ibapi; bar fixtures from wboayue/rust-ibapi v2.10.0
 * src/market_data/historical/common/decoders.rs and src/client/common.rs.
 */
class HistoricalMessagesTest {

    private static String fields(WireMessage message, int serverVersion) {
        byte[] frame = message.toFrame(serverVersion);
        return new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8).replace('\0', '|');
    }

    private static byte[] payload(String pipes) {
        return pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    private static final ReqHistoricalData BY_CONID =
            ReqHistoricalData.byConId(9001, 265598, "SMART", "20260102 21:00:00 UTC", "1 min", "1 D", true, "TRADES");

    @Test
    void reqHistoricalDataHasNoVersionAndPutsBarSizeBeforeDuration() {
        // strike: the request leaves it unset, which IB's client 10.41 sends as an empty field (contract.py
        // strike = UNSET_DOUBLE, comm.py make_field_handle_empty); before issue 11 this expected "0.0" here
        String expected = "20|9001|265598|||||||SMART|||||0|20260102 21:00:00 UTC|1 min|1 D|1|TRADES|2|0||";
        assertThat(fields(BY_CONID, 157)).isEqualTo(expected);
        assertThat(fields(BY_CONID, 200)).isEqualTo(expected);
    }

    @Test
    void reqHistoricalDataWithAFullContractReadsBack() {
        ReqHistoricalData full = new ReqHistoricalData(
                7,
                new Contract(0, "AAPL", "STK", "", 0, "", "", "SMART", "", "USD", "", ""),
                false,
                "",
                "1 day",
                "1 Y",
                false,
                "BID_ASK",
                1,
                false,
                "");
        assertThat(fields(full, 176)).isEqualTo("20|7|0|AAPL|STK||0.0|||SMART||USD|||0||1 day|1 Y|0|BID_ASK|1|0||");
        assertThat(ClientRequests.CODEC.decode(full.payload(176), 176)).isEqualTo(full);
        assertThat(ClientRequests.CODEC.decode(BY_CONID.payload(200), 200)).isEqualTo(BY_CONID);
    }

    @Test
    void historicalDataBelow196CarriesTheRangeAndDecodesRustIbapisFixture() {
        String fixture = "17|9000|20230413  16:31:22|20230415  16:31:22|2|20230413|182.9400|186.5000|180.9400|185.9000"
                + "|948837.22|184.869|324891|20230414|183.8800|186.2800|182.0100|185.0000|810998.27|183.9865|277547|";
        HistoricalData data = (HistoricalData) ServerMessages.CODEC.decode(payload(fixture), 172);
        assertThat(data.reqId()).isEqualTo(9000);
        assertThat(data.start()).isEqualTo("20230413  16:31:22");
        assertThat(data.end()).isEqualTo("20230415  16:31:22");
        assertThat(data.bars())
                .containsExactly(
                        new HistoricalData.Bar(
                                "20230413",
                                182.94,
                                186.5,
                                180.94,
                                185.9,
                                new BigDecimal("948837.22"),
                                new BigDecimal("184.869"),
                                324891),
                        new HistoricalData.Bar(
                                "20230414",
                                183.88,
                                186.28,
                                182.01,
                                185.0,
                                new BigDecimal("810998.27"),
                                new BigDecimal("183.9865"),
                                277547));
        assertThat(ServerMessages.CODEC.decode(data.payload(172), 172)).isEqualTo(data);
    }

    @Test
    void historicalDataFrom196DropsTheRange() {
        HistoricalData data = new HistoricalData(
                9000,
                "",
                "",
                List.of(new HistoricalData.Bar(
                        "1705398600",
                        150.25,
                        150.75,
                        150.0,
                        150.5,
                        new BigDecimal("1000"),
                        new BigDecimal("150.4"),
                        25)));
        assertThat(fields(data, 196)).isEqualTo("17|9000|1|1705398600|150.25|150.75|150.0|150.5|1000|150.4|25|");
        assertThat(fields(data, 195)).isEqualTo("17|9000|||1|1705398600|150.25|150.75|150.0|150.5|1000|150.4|25|");
        assertThat(ServerMessages.CODEC.decode(data.payload(196), 196)).isEqualTo(data);
    }

    @Test
    void historicalDataEndIsReqIdStartEndWithoutVersion() {
        HistoricalDataEnd end = new HistoricalDataEnd(9000, "20240122  09:30:00", "20240122  09:45:00");
        assertThat(fields(end, 196)).isEqualTo("108|9000|20240122  09:30:00|20240122  09:45:00|");
        assertThat(ServerMessages.CODEC.decode(end.payload(200), 200)).isEqualTo(end);
    }

    @Test
    void historicalDataUpdateFollowsIbsOrderOpenCloseHighLowWapVolume() {
        HistoricalDataUpdate update = (HistoricalDataUpdate) ServerMessages.CODEC.decode(
                payload("90|9000|3|1681133400|185.5|185.75|186.0|185.0|185.625|1000.5|"), 200);
        assertThat(update)
                .isEqualTo(new HistoricalDataUpdate(
                        9000,
                        3,
                        "1681133400",
                        185.5,
                        185.75,
                        186.0,
                        185.0,
                        new BigDecimal("185.625"),
                        new BigDecimal("1000.5")));
        assertThat(fields(update, 200)).isEqualTo("90|9000|3|1681133400|185.5|185.75|186.0|185.0|185.625|1000.5|");
    }
}
