package io.tradergateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.account.AccountsProperties;
import io.tradergateway.contract.ContractProperties;
import io.tradergateway.history.HistoryJobsProperties;
import io.tradergateway.history.HistoryProperties;
import io.tradergateway.marketdata.MarketDataProperties;
import io.tradergateway.status.IbStatusProperties;
import io.tradergateway.stream.StreamProperties;
import io.tradergateway.tws.TwsProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The {@code gateway.*} settings check themselves as they are bound (plain checks in the records, not Bean
 * Validation, whose start-up cost was a measured quarter of a second): every default passes, and a value out of
 * range stops the start with a message that names the key and the rule. Bound as Spring Boot binds them at start.
 */
class SettingsChecksTest {

    private static final Map<String, Class<?>> SETTINGS = Map.of(
            "gateway.tws", TwsProperties.class,
            "gateway.history", HistoryProperties.class,
            "gateway.history.jobs", HistoryJobsProperties.class,
            "gateway.market-data", MarketDataProperties.class,
            "gateway.stream", StreamProperties.class,
            "gateway.contracts", ContractProperties.class,
            "gateway.accounts", AccountsProperties.class,
            "gateway.ib-status", IbStatusProperties.class,
            "gateway.simulator", SimulatorProperties.class);

    private static Object bind(String prefix, Map<String, String> values) {
        Binder binder = new Binder(new MapConfigurationPropertySource(values));
        return binder.bindOrCreate(prefix, Bindable.of(SETTINGS.get(prefix)));
    }

    @Test
    void everyDefaultPasses() {
        SETTINGS.keySet().forEach(prefix -> assertThat(bind(prefix, Map.of())).isNotNull());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gateway.tws | port | 0 | gateway.tws.port must be 1 to 65535, not 0",
                "gateway.tws | max-messages-per-second | 51 | gateway.tws.max-messages-per-second must be 1 to 50, not 51",
                "gateway.tws | host | ' ' | gateway.tws.host must not be blank",
                "gateway.history | max-chunks | 0 | gateway.history.max-chunks must be at least 1, not 0",
                "gateway.history | pacing.rate-max | 0 | gateway.history.pacing.rate-max must be at least 1, not 0",
                "gateway.history.jobs | missed-heartbeats | 3 | gateway.history.jobs.missed-heartbeats must be at least 4, not 3",
                "gateway.market-data | max-lines | 10001 | gateway.market-data.max-lines must be 1 to 10000, not 10001",
                "gateway.stream | replay-events | 15 | gateway.stream.replay-events must be 16 to 10000000, not 15",
                "gateway.stream | writer-threads | 0 | gateway.stream.writer-threads must be 1 to 256, not 0",
                "gateway.contracts | cache-size | 0 | gateway.contracts.cache-size must be at least 1, not 0",
                "gateway.simulator | port | 70000 | gateway.simulator.port must be 0 to 65535, not 70000",
                "gateway.ib-status | maintenance-windows[0].name | nightly | gateway.ib-status.maintenance-windows[].zone is required"
            })
    void aValueOutOfRangeStopsTheStartNamingTheKeyAndTheRule(String prefix, String key, String value, String message) {
        assertThatThrownBy(() -> bind(prefix, Map.of(prefix + "." + key, value)))
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aValueInRangeIsKept() {
        StreamProperties stream =
                (StreamProperties) bind("gateway.stream", Map.of("gateway.stream.writer-threads", "4"));
        assertThat(stream.writerThreads()).isEqualTo(4);
        assertThat(List.of(stream.replayEvents(), stream.maxQueuedEvents())).containsExactly(10_000, 1_000);
    }
}
