package io.tradergateway.status;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the IB status check: fetcher, cache + judgement, the {@code ibStatus} health indicator, and the
 * scheduled refresh (off with {@code gateway.ib-status.enabled=false}, as in the tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IbStatusProperties.class)
class IbStatusConfiguration {

    /** Read from the environment as the replaced system did: the variable, not a gateway.* property. */
    @Bean
    TraderCheck traderCheck(Environment environment) {
        return TraderCheck.of(environment.getProperty(TraderCheck.VARIABLE));
    }

    @Bean(destroyMethod = "close")
    StatusPageFetcher statusPageFetcher(IbStatusProperties settings) {
        return new StatusPageFetcher(settings);
    }

    @Bean
    IbStatusService ibStatusService(
            IbStatusProperties settings,
            StatusPageFetcher fetcher,
            CircuitBreakerRegistry circuitBreakers,
            Clock clock,
            TraderCheck traderCheck) {
        return new IbStatusService(
                settings, fetcher, circuitBreakers.circuitBreaker(IbStatusService.CIRCUIT_BREAKER), clock, traderCheck);
    }

    @Bean
    IbStatusHealthIndicator ibStatusHealthIndicator(IbStatusService service) {
        return new IbStatusHealthIndicator(service);
    }

    /** Always defined (one AOT-processed context for every setting); it schedules nothing when scraping is off. */
    @Bean
    IbStatusRefresher ibStatusRefresher(IbStatusService service, IbStatusProperties settings) {
        return new IbStatusRefresher(service, settings.enabled(), settings.refreshInterval());
    }
}
