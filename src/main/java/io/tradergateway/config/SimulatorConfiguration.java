package io.tradergateway.config;

import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.tws.BrokerMode;
import io.tradergateway.tws.TwsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code sim}: starts the embedded TWS simulator on loopback and points the connection at it. The
 * gateway still talks to it over a real socket through the real client; only the peer is simulated.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sim")
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    TwsSimulator twsSimulator(SimulatorProperties properties, Clock clock) {
        SimulatorSettings settings =
                SimulatorSettings.defaults().withPort(properties.port()).withSeed(properties.seed());
        try {
            TwsSimulator simulator = new TwsSimulator(settings, clock);
            simulator.scalePacingWindows(properties.pacingWindowScale());
            simulator.marketData().tickInterval(properties.tickInterval());
            simulator.marketData().tickingContracts(Set.copyOf(properties.tickingContracts()));
            return simulator.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the TWS simulator on port " + properties.port(), e);
        }
    }

    @Bean
    TwsEndpointSource twsEndpointSource(TwsSimulator simulator) {
        TwsEndpoint endpoint = new TwsEndpoint(simulator.host(), simulator.port(), BrokerMode.SIMULATOR);
        return () -> endpoint;
    }
}
