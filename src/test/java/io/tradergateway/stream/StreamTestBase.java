package io.tradergateway.stream;

import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import io.tradergateway.support.SseClient;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the stream's real-socket tests share: the app on a random port against the simulator (profile sim) with
 * quick reconnects and checks, a hand-moved clock ({@link HandMovedClock}; heartbeats every 5 s of it), streams
 * opened as curl -N would and closed after each test, and the hub to look at. Subclasses add their own properties
 * with {@code @TestPropertySource}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.tws.reconnect-initial-delay=20ms",
            "gateway.tws.reconnect-max-delay=100ms",
            "gateway.tws.housekeeping-interval=20ms",
            "gateway.stream.check-interval=20ms",
            "gateway.stream.heartbeat=5s"
        })
@ActiveProfiles("sim")
@Import(StreamTestBase.HandMovedClock.class)
abstract class StreamTestBase {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TwsSimulator simulator;

    @Autowired
    MutableClock clock;

    @Autowired
    TwsClient tws;

    @Autowired
    StreamHub hub;

    final List<SseClient> open = new ArrayList<>();

    @BeforeEach
    void connected() {
        Eventually.await("READY", WAIT, () -> tws.state() == ConnectionState.READY);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(SseClient::close);
        open.clear();
        Eventually.await("every stream closed", WAIT, () -> {
            clock.advance(Duration.ofSeconds(6)); // a heartbeat (5s in these tests) finds the closed connections
            return hub.openStreams() == 0;
        });
        clock.advance(Duration.ofSeconds(11)); // the market-data linger
    }

    SseClient stream(String topics, String... headers) {
        SseClient client = SseClient.open(port, "/api/v1/stream?topics=" + topics, headers);
        open.add(client);
        return client;
    }

    static JsonNode data(SseClient.Event event) {
        return JSON.readTree(event.data());
    }
}
