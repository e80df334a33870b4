package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.GatewayApplication;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ReqCurrentTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Context close with requests in flight: every request fails, nothing is left running. */
class GracefulShutdownTest {

    @Test
    void contextCloseFailsInFlightRequestsAndLeavesNoGatewayThread() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("sim")
                .run("--server.port=0"); // an argument: builder properties are defaults, below application.yml's 8080
        TwsConnectionManager connection = context.getBean(TwsConnectionManager.class);
        TwsSimulator simulator = context.getBean(TwsSimulator.class);
        Eventually.await("READY", Duration.ofSeconds(10), () -> connection.state() == ConnectionState.READY);
        // the order reconciliation that every READY starts (reqOpenOrders, ...) ends before this test's requests
        Eventually.await("idle", Duration.ofSeconds(10), () -> connection.pendingRequests() == 0);

        simulator.delayAnswers(Duration.ofSeconds(60));
        List<CompletableFuture<CurrentTime>> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(connection.request(
                    TwsRequest.answeredBy("t", new ReqCurrentTime(), CurrentTime.class, Duration.ofSeconds(60))));
        }
        // at least these five (a heartbeat or a market-data/PnL request may be in flight beside them)
        assertThat(connection.pendingRequests()).isGreaterThanOrEqualTo(5);

        context.close();

        assertThat(inFlight).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
        assertThat(connection.pendingRequests()).isZero();
        Eventually.await(
                "gateway threads ended",
                Duration.ofSeconds(5),
                () -> gatewayThreadsSince(before).isEmpty());
    }

    private static List<String> gatewayThreadsSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(name -> name.startsWith("tws-"))
                .toList();
    }
}
