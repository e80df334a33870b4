package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeNamesTest {

    private final ExchangeNames names = new ExchangeNames(List.of("NASDAQ", "BORSA ISTANBUL"));

    @Test
    void findsToTradersNamesKnownCodesAndConfiguredNamesInAnyCase() {
        assertThat(names.mentionedIn("To MOEX Traders: trading has resumed")).containsExactly("MOEX");
        assertThat(names.mentionedIn("Nasdaq will run a system test")).containsExactly("NASDAQ");
        assertThat(names.mentionedIn("Orders to Borsa Istanbul are delayed")).containsExactly("BORSA ISTANBUL");
        assertThat(names.mentionedIn("Delays on CME and CBOT")).containsExactly("CME", "CBOT");
        assertThat(new ExchangeNames(List.of("ARCA")).mentionedIn("To NYSE Arca Traders: resolved"))
                .containsExactly("NYSE ARCA", "ARCA", "NYSE");
    }

    @Test
    void knownCodesMatchOnlyAsUpperCaseWholeWords() {
        assertThat(names.mentionedIn("Please check the box and notice the ice")).isEmpty();
        assertThat(names.mentionedIn("NYSEARCA")).isEmpty();
        assertThat(names.mentionedIn("(NYSE)")).containsExactly("NYSE");
    }
}
