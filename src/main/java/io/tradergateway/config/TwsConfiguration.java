package io.tradergateway.config;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.tws.Backoff;
import io.tradergateway.tws.BrokerMode;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.TwsEndpoint;
import io.tradergateway.tws.TwsHealthIndicator;
import io.tradergateway.tws.TwsMetrics;
import io.tradergateway.tws.TwsProperties;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the TWS connection: where to connect (a real TWS, or the simulator in profile sim). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwsProperties.class)
public class TwsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The embedded simulator when it runs (profile sim), else the configured TWS. */
    @Bean
    TwsEndpointSource twsEndpointSource(TwsProperties properties, ObjectProvider<TwsSimulator> simulator) {
        TwsSimulator running = simulator.getIfAvailable();
        TwsEndpoint endpoint = running != null
                ? new TwsEndpoint(running.host(), running.port(), BrokerMode.SIMULATOR)
                : new TwsEndpoint(properties.host(), properties.port(), BrokerMode.TWS);
        return () -> endpoint;
    }

    @Bean
    TwsConnectionManager twsConnectionManager(
            TwsProperties properties, TwsEndpointSource endpoints, Clock clock, ObjectProvider<Backoff> backoff) {
        Backoff policy = backoff.getIfAvailable(() -> new Backoff(
                properties.reconnectInitialDelay(),
                properties.reconnectMaxDelay(),
                0.2,
                () -> ThreadLocalRandom.current().nextDouble()));
        return new TwsConnectionManager(properties, endpoints, clock, policy);
    }

    @Bean
    TwsMetrics twsMetrics(TwsClient connection) {
        return new TwsMetrics(connection);
    }

    @Bean
    TwsHealthIndicator twsHealthIndicator(TwsClient connection) {
        return new TwsHealthIndicator(connection);
    }
}
