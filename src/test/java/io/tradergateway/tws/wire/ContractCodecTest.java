package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The shared contract value and its two layouts (ibapi 10.41 client.py reqHistoricalData / reqContractDetails
 * for the request layout; decoder.py processPositionDataMsg / processPortfolioValueMsg for the holding layout).
 */
class ContractCodecTest {

    private static final Contract OPTION =
            new Contract(0, "AAPL", "OPT", "20261218", 150, "C", "100", "SMART", "", "USD", "", "");

    private static String fields(MessageWriter writer) {
        return new String(writer.payload(), StandardCharsets.UTF_8).replace('\0', '|');
    }

    private static FieldReader reader(String pipes) {
        return new FieldReader(pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestLayoutWritesTwelveFieldsAndReadsThemBack() {
        MessageWriter writer = new MessageWriter();
        OPTION.writeRequest(writer);
        assertThat(fields(writer)).isEqualTo("0|AAPL|OPT|20261218|150.0|C|100|SMART||USD|||");
        assertThat(Contract.readRequest(reader(fields(writer)))).isEqualTo(OPTION);
    }

    @Test
    void holdingLayoutPutsTheRightExchangeInItsOneExchangeField() {
        Contract held = new Contract(8314, "IBM", "STK", "", 0, "", "", "SMART", "NYSE", "USD", "IBM", "IBM");
        MessageWriter position = new MessageWriter();
        held.writeHeld(position, Contract.HeldExchange.EXCHANGE);
        MessageWriter portfolio = new MessageWriter();
        held.writeHeld(portfolio, Contract.HeldExchange.PRIMARY);

        assertThat(fields(position)).isEqualTo("8314|IBM|STK||0.0|||SMART|USD|IBM|IBM|");
        assertThat(fields(portfolio)).isEqualTo("8314|IBM|STK||0.0|||NYSE|USD|IBM|IBM|");
        Contract back = Contract.readHeld(reader(fields(portfolio)), Contract.HeldExchange.PRIMARY, true, true);
        assertThat(back.primaryExchange()).isEqualTo("NYSE");
        assertThat(back.exchange()).isEmpty();
    }

    @Test
    void olderHoldingVersionsLeaveOutMultiplierExchangeAndTradingClass() {
        // portfolioValue version 6: no multiplier/primaryExchange (7+) and no tradingClass (8+)
        Contract v6 = Contract.readHeld(
                reader("12345|AAPL|STK||0.0||USD|AAPL|"), Contract.HeldExchange.PRIMARY, false, false);
        assertThat(v6.currency()).isEqualTo("USD");
        assertThat(v6.localSymbol()).isEqualTo("AAPL");
        assertThat(v6.tradingClass()).isEmpty();
    }

    @Test
    void everyMessageCarryingAContractExposesTheSameValue() {
        Position position = new Position("DU1", OPTION, BigDecimal.TEN, 1.5);
        ReqHistoricalData history =
                new ReqHistoricalData(7, OPTION, false, "", "1 day", "1 Y", true, "TRADES", 2, false, "");
        ReqContractDetails details = new ReqContractDetails(8, OPTION, false, "", "", "");

        assertThat(position.contract()).isEqualTo(history.contract()).isEqualTo(details.contract());
        assertThat(history.symbol()).isEqualTo("AAPL");
        assertThat(details.strike()).isEqualTo(150);
        assertThat(ClientRequests.CODEC.decode(history.payload(200), 200)).isEqualTo(history);
        assertThat(ClientRequests.CODEC.decode(details.payload(200), 200)).isEqualTo(details);
        assertThat(ServerMessages.CODEC.decode(position.payload(200), 200)).isEqualTo(position);
    }
}
