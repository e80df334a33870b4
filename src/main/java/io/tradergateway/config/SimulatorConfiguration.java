package io.tradergateway.config;

import io.swagger.v3.oas.models.Paths;
import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded TWS simulator, started in profile {@code sim} on loopback; the connection then points at it (see
 * {@link TwsConfiguration#twsEndpointSource}). The gateway still talks to it over a real socket through the real
 * client; only the peer is simulated.
 *
 * <p>The choice is made when the context starts, not by {@code @Profile}: the bean definitions are the same in
 * both modes, so Spring's AOT processing (done once at build time, README "Start-up") serves both from one jar.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    /** The profile that turns simulator mode on. */
    public static final String PROFILE = "sim";

    /**
     * The running simulator in profile sim; in tws mode none (Spring's null bean: absent for injection, an
     * {@code ObjectProvider} gives null).
     */
    @Bean(destroyMethod = "close")
    TwsSimulator twsSimulator(SimulatorProperties properties, Clock clock, Environment environment) {
        if (!environment.matchesProfiles(PROFILE)) {
            return null;
        }
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

    /** In tws mode the simulator's operations answer 404 ({@link SimulatorControlController}): not documented. */
    @Bean
    OpenApiCustomizer simulatorOperationsOnlyInSimulatorMode(ObjectProvider<TwsSimulator> simulator) {
        return openApi -> {
            if (simulator.getIfAvailable() == null && openApi.getPaths() != null) {
                Paths kept = new Paths();
                openApi.getPaths().forEach((path, item) -> {
                    if (!path.startsWith("/sim/")) {
                        kept.addPathItem(path, item);
                    }
                });
                openApi.setPaths(kept);
            }
        };
    }
}
