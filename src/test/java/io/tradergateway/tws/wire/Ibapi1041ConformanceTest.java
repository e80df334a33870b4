package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The protocol details where IB's own client 10.41 differs from a plain field-by-field reading. Source of every
 * expected value: IB's Python client ibapi 10.41.1 as vendored in thewebbs/ims (commit 9580c86): utils.py
 * decode(Decimal), decoder.py processErrorMsg / processContractDataMsg / processBondContractDataMsg,
 * decoder_utils.py setLastTradeDate, contract.py (strike = UNSET_DOUBLE) and comm.py make_field_handle_empty.
 */
class Ibapi1041ConformanceTest {

    private static byte[] payload(String pipes) {
        return pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    private static String fields(WireMessage message, int version) {
        return new String(message.payload(version), StandardCharsets.UTF_8).replace('\0', '|');
    }

    // ---- \\uXXXX: processErrorMsg decodes errorString and advancedOrderRejectJson with "unicode-escape"

    @Test
    void errorTextAndRejectJsonHaveTheirUnicodeEscapesUndone() {
        String wire = "4|-1|2104|Connexion au serveur de donn\\u00e9es: OK|{\"reason\":\"\\u00c9cart\"}|1767225600000|";
        ErrorMessage error = (ErrorMessage) ServerMessages.CODEC.decode(payload(wire), 200);

        assertThat(error.message()).isEqualTo("Connexion au serveur de données: OK");
        assertThat(error.advancedOrderRejectJson()).isEqualTo("{\"reason\":\"Écart\"}");
        assertThat(fields(error, 200)).isEqualTo(wire); // and escaped again on the way out, as TWS sends it
    }

    @Test
    void textWithoutEscapesOrWithABrokenOneStaysAsItIs() {
        assertThat(UnicodeEscapes.decode("C:\\path\\u12 done")).isEqualTo("C:\\path\\u12 done");
        assertThat(UnicodeEscapes.decode("plain")).isEqualTo("plain");
        assertThat(UnicodeEscapes.decode("\\u0041\\u00df")).isEqualTo("Aß");
    }

    // ---- lastTradeDateOrContractMonth: setLastTradeDate splits on '-' if present, else on whitespace

    @Test
    void lastTradeDateSplitsIntoDateAndLastTradeTime() {
        assertThat(LastTradeDate.parse("20260116 16:00:00")).isEqualTo(new LastTradeDate("20260116", "16:00:00", ""));
        assertThat(LastTradeDate.parse("20260116-16:00:00")).isEqualTo(new LastTradeDate("20260116", "16:00:00", ""));
        assertThat(LastTradeDate.parse("20351115 16:00 US/Eastern"))
                .isEqualTo(new LastTradeDate("20351115", "16:00", "US/Eastern"));
        assertThat(LastTradeDate.parse("202612")).isEqualTo(new LastTradeDate("202612", "", ""));
        assertThat(LastTradeDate.parse("")).isEqualTo(new LastTradeDate("", "", ""));
    }

    @Test
    void contractDataShowsTheExpiryWithoutTheTimeAndLongNameUnescaped() {
        String wire = "10|9000|ES|FUT|20261218 09:30:00|20261218|0||CME|USD|ESZ6|ES|ES|649180695|0.25|50|LMT|CME|1|0|"
                + "E-mini S\\u0026P 500 \\u00e9||||||US/Central|||||0|1|||26|||1|1|1|0|";
        ContractData data = (ContractData) ServerMessages.CODEC.decode(payload(wire), 186);
        ContractDetails d = data.details();

        assertThat(d.lastTradeDateOrContractMonth()).isEqualTo("20261218");
        assertThat(d.lastTradeTime()).isEqualTo("09:30:00");
        assertThat(d.lastTradeDate()).isEqualTo("20261218");
        assertThat(d.longName()).isEqualTo("E-mini S&P 500 é");
        assertThat(ServerMessages.CODEC.decode(data.payload(186), 186)).isEqualTo(data);
    }

    // ---- Decimal: decode(Decimal) treats these as UNSET_DECIMAL

    @Test
    void decimalUnsetMarkersAreNotNumbers() {
        FieldReader fields = new FieldReader(
                payload("2147483647|-9223372036854775808|9223372036854775807|1.7976931348623157E308||2147483646|"));
        assertThat(fields.readDecimal()).isNull();
        assertThat(fields.readDecimal()).isNull();
        assertThat(fields.readDecimal()).isNull();
        assertThat(fields.readDecimal()).isNull();
        assertThat(fields.readDecimal()).isNull();
        assertThat(fields.readDecimal()).isEqualByComparingTo("2147483646");
    }

    // ---- bondContractData (18): processBondContractDataMsg field order

    private static final String BOND_188 = "18|9100|IBM|BOND|459200AM3|7.0|20271030 16:00 US/Eastern|19971030|A2|FIXED|"
            + "FIXED|0|1|0|IBM 7 10/30/27|SMART|USD|IBM|IBCID45918|577186001|0.001|LMT,MKT|SMART,BONDDESK|||0|"
            + "bond notes|IBM Corp|US/Eastern|20260105:0700-20260105:1700|20260105:0930-20260105:1600||1|1|ISIN|"
            + "US459200AM39|5|73|1000|1000|1000|";

    @Test
    void bondContractDataIsReadInIbsFieldOrder() {
        BondContractData bond = (BondContractData) ServerMessages.CODEC.decode(payload(BOND_188), 188);
        ContractDetails d = bond.details();
        BondContractData.BondTerms t = bond.terms();

        assertThat(bond.reqId()).isEqualTo(9100);
        assertThat(d.symbol()).isEqualTo("IBM");
        assertThat(d.secType()).isEqualTo("BOND");
        assertThat(t.cusip()).isEqualTo("459200AM3");
        assertThat(t.coupon()).isEqualTo(7.0);
        assertThat(d.lastTradeDateOrContractMonth()).isEqualTo("20271030"); // the maturity
        assertThat(d.lastTradeTime()).isEqualTo("16:00");
        assertThat(t.issueDate()).isEqualTo("19971030");
        assertThat(t.ratings()).isEqualTo("A2");
        assertThat(t.callable()).isTrue();
        assertThat(t.convertible()).isFalse();
        assertThat(t.descAppend()).isEqualTo("IBM 7 10/30/27");
        assertThat(d.exchange()).isEqualTo("SMART");
        assertThat(d.currency()).isEqualTo("USD");
        assertThat(d.conId()).isEqualTo(577186001);
        assertThat(d.minTick()).isEqualTo(0.001);
        assertThat(t.notes()).isEqualTo("bond notes");
        assertThat(d.longName()).isEqualTo("IBM Corp");
        assertThat(d.timeZoneId()).isEqualTo("US/Eastern");
        assertThat(d.secIds()).containsExactly(new TagValue("ISIN", "US459200AM39"));
        assertThat(d.aggGroup()).isEqualTo(5);
        assertThat(d.marketRuleIds()).isEqualTo("73");
        assertThat(d.minSize()).isEqualByComparingTo("1000");
    }

    @Test
    void bondContractDataBelowSizeRulesCarriesVersionAndMdSizeMultiplier() {
        String wire =
                "18|6|9100|IBM|BOND|459200AM3|7.0|20271030|19971030|A2|FIXED|FIXED|0|1|0|IBM 7 10/30/27|SMART|USD|"
                        + "IBM|IBCID45918|577186001|0.001|1|LMT,MKT|SMART|||0||IBM Corp||1|0|5|73|";
        BondContractData bond = (BondContractData) ServerMessages.CODEC.decode(payload(wire), 157);
        assertThat(bond.reqId()).isEqualTo(9100);
        assertThat(bond.details().orderTypes()).isEqualTo("LMT,MKT");
        assertThat(bond.details().marketRuleIds()).isEqualTo("73");
        assertThat(fields(bond, 157)).isEqualTo(wire);
        ServerMessage bond188 = ServerMessages.CODEC.decode(payload(BOND_188), 188);
        assertThat(ServerMessages.CODEC.decode(bond188.payload(188), 188)).isEqualTo(bond188);
    }

    // ---- strike: Contract().strike is UNSET_DOUBLE, sent by make_field_handle_empty as ""

    @Test
    void unsetStrikeGoesOutAsAnEmptyFieldAndAGivenOneAsItsValue() {
        ReqContractDetails unset =
                ReqContractDetails.of(9000, 0, "AAPL", "STK", "", MessageWriter.UNSET_DOUBLE, "", "SMART", "USD");
        assertThat(fields(unset, 176)).isEqualTo("9|8|9000|0|AAPL|STK|||||SMART||USD|||0||||");
        assertThat(ClientRequests.CODEC.decode(unset.payload(176), 176)).isEqualTo(unset);

        ReqContractDetails option = ReqContractDetails.of(9001, 0, "AAPL", "OPT", "20261218", 150, "C", "SMART", "USD");
        assertThat(fields(option, 176)).startsWith("9|8|9001|0|AAPL|OPT|20261218|150.0|C|");

        ReqHistoricalData history =
                ReqHistoricalData.byConId(9002, 265598, "SMART", "", "1 day", "1 Y", true, "TRADES");
        assertThat(fields(history, 200)).startsWith("20|9002|265598|||||||SMART|");
    }
}
