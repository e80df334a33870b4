package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * reqContractDetails / contractData / contractDataEnd. The 173 capture below is the shape of rust-ibapi
 * v2.10.0's AAPL_CONTRACT_RESPONSE (src/transport/sync.rs), with shortened order types and hours; field
 * order from ibapi decoder.py processContractDataMsg.
 */
class ContractDataTest {

    private static byte[] payload(String pipes) {
        return pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    private static String fields(WireMessage message, int version) {
        return new String(message.payload(version), StandardCharsets.UTF_8).replace('\0', '|');
    }

    @Test
    void decodesACapturedAaplAnswerAt173() {
        String capture = "10|9000|AAPL|STK||0||SMART|USD|AAPL|NMS|NMS|265598|0.01||ACTIVETIM,LMT,MKT|SMART,NASDAQ|1|0|"
                + "APPLE INC|NASDAQ||Technology|Computers|Computers|US/Eastern|20250324:0400-20250324:2000|"
                + "20250324:0930-20250324:1600|||1|ISIN|US0378331005|1|||26,26||COMMON|0.0001|0.0001|100|";
        ContractData data = (ContractData) ServerMessages.CODEC.decode(payload(capture), 173);
        ContractDetails d = data.details();
        assertThat(data.reqId()).isEqualTo(9000);
        assertThat(d.conId()).isEqualTo(265598);
        assertThat(d.symbol()).isEqualTo("AAPL");
        assertThat(d.minTick()).isEqualTo(0.01);
        assertThat(d.multiplier()).isEmpty();
        assertThat(d.longName()).isEqualTo("APPLE INC");
        assertThat(d.primaryExchange()).isEqualTo("NASDAQ");
        assertThat(d.timeZoneId()).isEqualTo("US/Eastern");
        assertThat(d.secIds()).containsExactly(new TagValue("ISIN", "US0378331005"));
        assertThat(d.marketRuleIds()).isEqualTo("26,26");
        assertThat(d.stockType()).isEqualTo("COMMON");
        assertThat(d.minSize()).isEqualByComparingTo("0.0001");
        assertThat(d.suggestedSizeIncrement()).isEqualByComparingTo("100");
    }

    @Test
    void requestMatchesIbFieldOrderWithIssuerIdFrom176() {
        ReqContractDetails request = ReqContractDetails.of(9000, 0, "AAPL", "STK", "", 0, "", "SMART", "USD");
        // ibapi client.py: strike is sent as Python str(float), "0.0"
        assertThat(fields(request, 172)).isEqualTo("9|8|9000|0|AAPL|STK||0.0|||SMART||USD|||0|||");
        assertThat(fields(request, 176)).isEqualTo("9|8|9000|0|AAPL|STK||0.0|||SMART||USD|||0||||");
        assertThat(ClientRequests.CODEC.decode(request.payload(176), 176)).isEqualTo(request);
    }

    @Test
    void roundTripsAtEveryGateIncludingFundsAndIneligibility() {
        ContractDetails stock = details("STK", List.of(), List.of(new TagValue("1", "not allowed")));
        ContractDetails fund = details(
                "FUND",
                List.of("Fund A", "Family", "Type", "", "", "", "", "0", "0", "0", "", "", "", "", "", "", "EQUITY"),
                List.of());
        for (int version : new int[] {157, 163, 164, 179, 182, 186, 200}) {
            for (ContractDetails d : List.of(stock, fund)) {
                ContractData message = new ContractData(7, d);
                ContractData back = (ContractData) ServerMessages.CODEC.decode(message.payload(version), version);
                assertThat(back.reqId()).isEqualTo(7);
                assertThat(back.details().conId()).isEqualTo(d.conId());
                assertThat(back.details().stockType()).isEqualTo("COMMON");
                assertThat(back.details().lastTradeDate()).isEqualTo(version >= 182 ? "20261218" : "");
                assertThat(back.details().minSize()).isEqualTo(version >= 164 ? BigDecimal.ONE : null);
                assertThat(back.details().fundFields())
                        .isEqualTo(version >= 179 && d.secType().equals("FUND") ? d.fundFields() : List.of());
                assertThat(back.details().ineligibilityReasons())
                        .isEqualTo(version >= 186 ? d.ineligibilityReasons() : List.of());
            }
        }
    }

    @Test
    void endMessage() {
        assertThat(fields(new ContractDataEnd(9000), 176)).isEqualTo("52|1|9000|");
    }

    private static ContractDetails details(String secType, List<String> fund, List<TagValue> ineligible) {
        return new ContractDetails(
                "X",
                secType,
                "20261218",
                "20261218",
                "",
                0,
                "",
                "SMART",
                "USD",
                "X",
                "X",
                "X",
                42,
                0.01,
                "",
                "LMT",
                "SMART",
                1,
                0,
                "X CORP",
                "NYSE",
                "",
                "",
                "",
                "",
                "US/Eastern",
                "",
                "",
                "",
                0,
                List.of(new TagValue("ISIN", "US42")),
                1,
                "",
                "",
                "26",
                "",
                "COMMON",
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE,
                fund,
                ineligible);
    }
}
