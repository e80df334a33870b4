package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Order ids come from the session's nextValidId, over a real socket to the simulator. */
class TwsClientOrderIdsTest {

    private TwsSimulator simulator;
    private TwsConnectionManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void orderIdsStartAtNextValidIdAndStayBelowTheRequestIdRange() throws Exception {
        simulator = new TwsSimulator(SimulatorSettings.defaults(), Clock.systemUTC()).start();
        TwsProperties settings = TwsProperties.of(simulator.host(), simulator.port(), 3);
        TwsEndpoint endpoint = new TwsEndpoint(simulator.host(), simulator.port(), BrokerMode.SIMULATOR);
        manager = new TwsConnectionManager(
                settings,
                () -> endpoint,
                Clock.systemUTC(),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(80), 0, () -> 0));
        TwsClient client = manager;
        assertThatThrownBy(() -> client.allocateOrderId(m -> {})).isInstanceOf(TwsUnavailableException.class);

        manager.start();
        Eventually.await("READY", Duration.ofSeconds(10), () -> manager.state() == ConnectionState.READY);

        int first = client.allocateOrderId(m -> {});
        int second = client.allocateOrderId(m -> {});
        assertThat(first).isPositive();
        assertThat(second).isEqualTo(first + 1);
        assertThat(IdRanges.isOrderId(second)).isTrue();
    }
}
