package io.tradergateway.status;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** Builds the status check as the application does, around a fixture server and a hand-moved clock. */
final class TestSetup {

    /** Wednesday 11:00 New York time: outside every default maintenance window. */
    static final Instant WEDNESDAY_MORNING = Instant.parse("2026-05-06T15:00:00Z");

    static final List<String> INTEREST = List.of("NYSE", "NASDAQ", "ARCA", "CME");

    private TestSetup() {}

    /** Generous timeouts: a busy build machine must not turn a good fixture into a timeout. */
    static IbStatusProperties settings(URI url, List<String> exchanges) {
        return settings(url, exchanges, Duration.ofSeconds(3), DataSize.ofMegabytes(2));
    }

    static IbStatusProperties settings(URI url, List<String> exchanges, Duration readTimeout, DataSize maxBody) {
        IbStatusProperties d = IbStatusProperties.defaults();
        return new IbStatusProperties(
                false,
                url,
                exchanges,
                List.of(),
                d.refreshInterval(),
                Duration.ofSeconds(2),
                readTimeout,
                maxBody,
                d.maxAge(),
                d.userAgent(),
                null);
    }

    /** The same shape as resilience4j.circuitbreaker.instances.ibStatus in application.yml. */
    static CircuitBreaker circuitBreaker(Clock clock) {
        return CircuitBreaker.of(
                IbStatusService.CIRCUIT_BREAKER,
                CircuitBreakerConfig.custom()
                        .slidingWindow(3, 3, SlidingWindowType.COUNT_BASED)
                        .failureRateThreshold(100)
                        .waitDurationInOpenState(Duration.ofMinutes(5))
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .clock(clock)
                        .build());
    }

    static IbStatusService service(IbStatusProperties settings, Clock clock, TraderCheck check) {
        return new IbStatusService(settings, new StatusPageFetcher(settings), circuitBreaker(clock), clock, check);
    }
}
