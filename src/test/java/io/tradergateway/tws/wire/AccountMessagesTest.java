package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact layouts of the account and portfolio messages. Field orders: IB's Python client (ibapi
 * decoder.py processPositionDataMsg / processPortfolioValueMsg, the wrapped updateAccountValue,
 * updateAccountTime and accountDownloadEnd, client.py reqAccountUpdates). The expected strings are the
 * fixtures of wboayue/rust-ibapi v2.10.0 (src/accounts/common/decoders.rs, src/client/async.rs), so an
 * independent client agrees with every byte.
 */
class AccountMessagesTest {

    private static String fields(WireMessage message, int serverVersion) {
        byte[] payload = message.payload(serverVersion);
        return new String(payload, StandardCharsets.UTF_8).replace('\0', '|');
    }

    private static byte[] payload(String pipes) {
        return pipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8);
    }

    private static final Position TSLA = new Position(
            "DU1234567",
            new Contract(76792991, "TSLA", "STK", "", 0.0, "", "", "NASDAQ", "", "USD", "TSLA", "NMS"),
            new BigDecimal("500"),
            196.77);

    private static final PortfolioValue AAPL = new PortfolioValue(
            new Contract(12345, "AAPL", "STK", "20230101", 150.0, "", "", "", "NASDAQ", "USD", "AAPL", "NMS"),
            new BigDecimal("100"),
            155.0,
            15500.0,
            150.0,
            500.0,
            0.0,
            "DU1234567");

    @Test
    void positionIsVersion3WithTradingClassAndAverageCost() {
        // rust-ibapi's "61\03\0DU1234567\076792991\0TSLA\0STK\0\00.0\0\0\0NASDAQ\0USD\0TSLA\0NMS\0500\0196.77\0"
        String rustFixture = "61|3|DU1234567|76792991|TSLA|STK||0.0|||NASDAQ|USD|TSLA|NMS|500|196.77|";
        assertThat(fields(TSLA, 176)).isEqualTo(rustFixture);
        assertThat(ServerMessages.CODEC.decode(payload(rustFixture), 176)).isEqualTo(TSLA);
    }

    @Test
    void positionOfAnOlderVersionHasNoTradingClassOrAverageCost() {
        ServerMessage decoded =
                ServerMessages.CODEC.decode(payload("61|1|DU1|8314|IBM|STK||0.0|||SMART|USD|IBM|-25|"), 176);
        assertThat(decoded).isInstanceOf(Position.class);
        Position position = (Position) decoded;
        assertThat(position.tradingClass()).isEmpty();
        assertThat(position.position()).isEqualByComparingTo("-25");
        assertThat(position.averageCost()).isZero();
    }

    @Test
    void portfolioValueIsVersion8WithPrimaryExchangeAndAccountLast() {
        String expected =
                "7|8|12345|AAPL|STK|20230101|150.0|||NASDAQ|USD|AAPL|NMS|100|155.0|15500.0|150.0|500.0|0.0|DU1234567|";
        assertThat(fields(AAPL, 176)).isEqualTo(expected);
        assertThat(fields(AAPL, 200)).isEqualTo(expected);
        assertThat(ServerMessages.CODEC.decode(payload(expected), 200)).isEqualTo(AAPL);
    }

    @Test
    void portfolioValueOfVersion6HasNoMultiplierPrimaryExchangeOrTradingClass() {
        PortfolioValue decoded = (PortfolioValue) ServerMessages.CODEC.decode(
                payload("7|6|12345|AAPL|STK||0.0||USD|AAPL|10|155.0|1550.0|150.0|50.0|0.0|DU1|"), 176);
        assertThat(decoded.multiplier()).isEmpty();
        assertThat(decoded.primaryExchange()).isEmpty();
        assertThat(decoded.marketValue()).isEqualTo(1550.0);
        assertThat(decoded.account()).isEqualTo("DU1");
    }

    @Test
    void accountValueUpdateTimeAndDownloadEndMatchRustFixtures() {
        assertThat(fields(new AccountValue("NetLiquidation", "123456.78", "USD", "DU1234567"), 176))
                .isEqualTo("6|2|NetLiquidation|123456.78|USD|DU1234567|");
        assertThat(fields(new AccountUpdateTime("14:30:00"), 176)).isEqualTo("8|1|14:30:00|");
        assertThat(fields(new AccountDownloadEnd("DU1234567"), 176)).isEqualTo("54|1|DU1234567|");
        for (ServerMessage message : List.of(
                new AccountValue("AccountType", "INDIVIDUAL", "", "DU1"),
                new AccountUpdateTime("07:05"),
                new AccountDownloadEnd("DU1"),
                TSLA,
                AAPL)) {
            for (int version : new int[] {157, 176, 200}) {
                assertThat(ServerMessages.CODEC.decode(message.payload(version), version))
                        .isEqualTo(message);
            }
        }
    }

    @Test
    void reqAccountUpdatesIsVersion2SubscribeFlagAndAccount() {
        assertThat(fields(new ReqAccountUpdates(true, "DU1234567"), 176)).isEqualTo("6|2|1|DU1234567|");
        assertThat(fields(new ReqAccountUpdates(false, "DU1234567"), 176)).isEqualTo("6|2|0|DU1234567|");
        assertThat(ClientRequests.CODEC.decode(payload("6|2|1|DU1234567|"), 176))
                .isEqualTo(new ReqAccountUpdates(true, "DU1234567"));
    }
}
