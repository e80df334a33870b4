package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.CancelAccountSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a deadline and a lost socket mean for each request kind, over a real socket to the simulator: a read is
 * cancelled at TWS and failed; an order-like request is never cancelled and ends "outcome unknown".
 */
class RequestKindIntegrationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T15:00:00Z"));
    private TwsSimulator simulator;
    private TwsConnectionManager manager;

    @BeforeEach
    void ready() throws Exception {
        simulator = new TwsSimulator(SimulatorSettings.defaults(), clock).start();
        TwsProperties settings = TwsProperties.of(simulator.host(), simulator.port(), 1)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(80));
        TwsEndpoint endpoint = new TwsEndpoint(simulator.host(), simulator.port(), BrokerMode.SIMULATOR);
        manager = new TwsConnectionManager(
                settings,
                () -> endpoint,
                clock,
                new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay(), 0, () -> 0));
        manager.start();
        Eventually.await("READY", Duration.ofSeconds(10), () -> manager.state() == ConnectionState.READY);
        simulator.delayAnswers(Duration.ofMinutes(5)); // TWS takes the requests and says nothing
    }

    @AfterEach
    void close() {
        manager.stop();
        simulator.close();
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        Eventually.await("settled", Duration.ofSeconds(10), future::isDone);
        try {
            future.join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void aLostSocketFailsAReadButLeavesAnOrderOutcomeUnknown() {
        CompletableFuture<List<AccountSummary>> read =
                manager.request(AccountSummaryRequests.accountSummary(Duration.ofSeconds(30)));
        CompletableFuture<List<AccountSummary>> order = manager.request(
                AccountSummaryRequests.accountSummary(Duration.ofSeconds(30)).as(RequestKind.ORDER));

        simulator.dropAllClients();

        assertThat(failureOf(read)).isInstanceOf(TwsUnavailableException.class);
        assertThat(failureOf(order)).isInstanceOf(TwsOutcomeUnknownException.class);
    }

    @Test
    void anOrderPastItsDeadlineIsNotCancelledAtTwsAndEndsOutcomeUnknown() {
        CompletableFuture<List<AccountSummary>> order = manager.request(
                AccountSummaryRequests.accountSummary(Duration.ofSeconds(2)).as(RequestKind.ORDER));
        CompletableFuture<List<AccountSummary>> read =
                manager.request(AccountSummaryRequests.accountSummary(Duration.ofSeconds(2)));

        clock.advance(Duration.ofSeconds(3));
        manager.housekeeping();

        assertThat(failureOf(order)).isInstanceOf(TwsOutcomeUnknownException.class);
        assertThat(failureOf(read)).isInstanceOf(TwsTimeoutException.class);
        Eventually.await(
                "the read's cancel reached TWS",
                Duration.ofSeconds(10),
                () -> simulator.received(CancelAccountSummary.class).size() == 1);
        assertThat(simulator.received(CancelAccountSummary.class)).hasSize(1); // only the read's
    }
}
