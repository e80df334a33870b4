package io.tradergateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelevanceTest {

    private static StatusMessage outage(String section, String... exchanges) {
        return new StatusMessage(
                section, Severity.OUTAGE, "#cc3333", null, "text", null, null, null, List.of(exchanges));
    }

    @Test
    void systemAvailabilityIsAlwaysRelevant() {
        Relevance relevance = new Relevance(List.of("NYSE"), List.of("MOEX"));

        assertThat(relevance.isRelevant(outage("System Availability"))).isTrue();
        assertThat(relevance.isRelevant(outage("System Availability", "MOEX"))).isTrue();
    }

    @Test
    void withExchangesOfInterestOnlyThoseMakeAnExchangeMessageRelevant() {
        Relevance relevance = new Relevance(List.of("NYSE", "CME"), List.of());

        assertThat(relevance.isRelevant(outage("Exchange Availability", "NYSE")))
                .isTrue();
        assertThat(relevance.isRelevant(outage("Exchange Availability", "MOEX", "CME")))
                .isTrue();
        assertThat(relevance.isRelevant(outage("Exchange Availability", "MOEX")))
                .isFalse();
    }

    @Test
    void withoutExchangesOfInterestEveryOutageIsRelevantExceptIgnoredOnes() {
        Relevance relevance = new Relevance(List.of(), List.of("MOEX", "TASE"));

        assertThat(relevance.isRelevant(outage("Exchange Availability", "NYSE")))
                .isTrue();
        assertThat(relevance.isRelevant(outage("Exchange Availability", "MOEX")))
                .isFalse();
        assertThat(relevance.isRelevant(outage("Exchange Availability", "MOEX", "TASE")))
                .isFalse();
        assertThat(relevance.isRelevant(outage("Exchange Availability", "MOEX", "NYSE")))
                .isTrue();
        assertThat(new Relevance(List.of(), List.of()).isRelevant(outage("Exchange Availability", "MOEX")))
                .isTrue();
    }

    @Test
    void aMessageNamingNoExchangeCannotBeRuledOut() {
        Relevance relevance = new Relevance(List.of("NYSE"), List.of());

        assertThat(relevance.isRelevant(outage("Trading Operations"))).isTrue();
        assertThat(relevance.isRelevant(outage("Exchange Availability"))).isTrue();
    }
}
