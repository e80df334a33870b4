package io.tradergateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What every request pays for beyond its own work. Spring Security, once it sees an observation registry, wraps
 * each of its filters in an observation and records an event per filter, plus one observation for authorization:
 * a dozen key-value sorts and map copies per request, for spans nobody reads (the JFR profile of
 * {@code GET /api/v1/positions} put about a third of a request's CPU there; README "Benchmarks"). The request's
 * own {@code http.server.requests} observation, which the metrics come from, stays.
 */
@Configuration(proxyBeanMethods = false)
class RequestCostConfiguration {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
