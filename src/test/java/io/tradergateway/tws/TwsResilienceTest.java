package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.support.MutableClock;
import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.AccountSummaryEnd;
import io.tradergateway.tws.wire.CancelAccountSummary;
import io.tradergateway.tws.wire.CancelPositions;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ReqAccountSummary;
import io.tradergateway.tws.wire.ReqCurrentTime;
import io.tradergateway.tws.wire.ReqPositions;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connection resilience over real sockets against the simulator's fault injection. The manager and the
 * simulator share a hand-moved clock: deadlines, heartbeats and fault windows end when the test moves time.
 */
class TwsResilienceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"));
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private final List<Duration> reconnectDelays = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<ServerMessage> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private TwsSimulator simulator() throws IOException {
        TwsSimulator simulator = new TwsSimulator(SimulatorSettings.defaults(), clock).start();
        toClose.add(simulator);
        return simulator;
    }

    private TwsConnectionManager manager(TwsSimulator simulator, TwsProperties settings) {
        TwsEndpoint endpoint = new TwsEndpoint(simulator.host(), simulator.port(), BrokerMode.SIMULATOR);
        TwsConnectionManager manager = new TwsConnectionManager(
                settings,
                () -> endpoint,
                clock,
                new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay(), 0, () -> 0));
        manager.addListener(new TwsListener() {
            @Override
            public void onMessage(ServerMessage message) {
                seen.add(message);
            }

            @Override
            public void onStateChange(ConnectionState previous, ConnectionState current) {
                states.add(current);
            }

            @Override
            public void onReconnectScheduled(int attempt, Duration delay) {
                reconnectDelays.add(delay);
            }
        });
        toClose.add(manager::stop);
        return manager;
    }

    private static TwsProperties fast(TwsSimulator simulator, int clientId) {
        return TwsProperties.of(simulator.host(), simulator.port(), clientId)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(80));
    }

    private TwsConnectionManager ready(TwsSimulator simulator, TwsProperties settings) {
        TwsConnectionManager manager = manager(simulator, settings);
        manager.start();
        Eventually.await("READY", WAIT, () -> manager.state() == ConnectionState.READY);
        return manager;
    }

    private static TwsRequest<List<AccountSummary>> accountSummary(Duration timeout) {
        return AccountSummaryRequests.accountSummary(timeout);
    }

    @Test
    void dropMidRequestFailsTheRequestAtOnceAndTheNextOneSucceedsAfterReconnect() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1));
        simulator.delayAnswers(Duration.ofSeconds(30));
        CompletableFuture<List<AccountSummary>> inFlight = manager.request(accountSummary(Duration.ofSeconds(60)));
        Eventually.await(
                "request reached TWS",
                WAIT,
                () -> !simulator.received(ReqAccountSummary.class).isEmpty());

        java.util.concurrent.atomic.AtomicLong failedAt = new java.util.concurrent.atomic.AtomicLong();
        inFlight.whenComplete((rows, failure) -> failedAt.set(System.nanoTime()));
        simulator.delayAnswers(Duration.ZERO); // the answer already scheduled stays 30 s late
        long dropped = System.nanoTime();
        simulator.dropAllClients();
        assertThatThrownBy(() -> inFlight.get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TwsUnavailableException.class)
                .hasMessageContaining("TWS disconnected");
        long failedAfterMillis = TimeUnit.NANOSECONDS.toMillis(failedAt.get() - dropped);
        // at once, not at the 30 s delay or the 60 s timeout; the bound leaves room for a GC pause on 2 busy cores
        assertThat(failedAfterMillis).as("failed at once on the drop").isLessThan(1000);
        assertThat(manager.pendingRequests()).isZero();

        Eventually.await("READY again", WAIT, () -> manager.state() == ConnectionState.READY);
        List<AccountSummary> rows =
                manager.request(accountSummary(Duration.ofSeconds(5))).get(5, TimeUnit.SECONDS);
        assertThat(rows).extracting(AccountSummary::account).containsExactly("DU1111111", "DU2222222");
        assertThat(manager.reconnectCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionsBackOffExponentiallyUpToTheCapThenReconnect() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1));
        simulator.refuseConnections(Duration.ofSeconds(60));
        simulator.dropAllClients();
        Eventually.await("five refused attempts", WAIT, () -> reconnectDelays.size() >= 5);
        assertThat(manager.state()).isNotEqualTo(ConnectionState.READY);
        assertThat(reconnectDelays.subList(0, 5))
                .containsExactly(
                        Duration.ofMillis(20),
                        Duration.ofMillis(40),
                        Duration.ofMillis(80),
                        Duration.ofMillis(80),
                        Duration.ofMillis(80));

        clock.advance(Duration.ofSeconds(61)); // the simulator accepts again
        Eventually.await("READY after refusal", WAIT, () -> manager.state() == ConnectionState.READY);
    }

    @Test
    void blackHoleIsDetectedByTheHeartbeatAndRecoveredWithoutRestart() throws Exception {
        TwsSimulator simulator = simulator();
        TwsProperties settings = fast(simulator, 1).withHeartbeat(Duration.ofSeconds(30), Duration.ofSeconds(10));
        TwsConnectionManager manager = ready(simulator, settings);
        simulator.blackhole(Duration.ofSeconds(120));

        clock.advance(Duration.ofSeconds(31));
        manager.housekeeping(); // idle: heartbeat goes out
        Eventually.await(
                "heartbeat sent",
                WAIT,
                () -> !simulator.received(ReqCurrentTime.class).isEmpty());
        assertThat(manager.state()).isEqualTo(ConnectionState.READY);

        clock.advance(Duration.ofSeconds(11));
        manager.housekeeping(); // no answer within the heartbeat deadline: dead
        Eventually.await("declared dead", WAIT, () -> states.contains(ConnectionState.DISCONNECTED));
        assertThat(manager.status().lastError().message()).contains("stopped answering");

        clock.advance(Duration.ofSeconds(120)); // TWS wakes up
        Eventually.await("READY again", WAIT, () -> manager.state() == ConnectionState.READY);
    }

    @Test
    void connectivityNoticesDriveDegradedAndResubscription() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1));
        manager.subscribe(
                new TwsSubscription("positions", reqId -> new ReqPositions(), reqId -> new CancelPositions(), null));
        Eventually.await(
                "subscribed", WAIT, () -> simulator.received(ReqPositions.class).size() == 1);
        TwsHealthIndicator health = new TwsHealthIndicator(manager);

        simulator.sendError(-1, 1100, "Connectivity between IB and Trader Workstation has been lost.");
        Eventually.await("DEGRADED", WAIT, () -> manager.state() == ConnectionState.DEGRADED);
        assertThat(health.health(true).getStatus().getCode()).isEqualTo("DOWN");

        simulator.sendError(-1, 1102, "restored - data maintained");
        Eventually.await("READY", WAIT, () -> manager.state() == ConnectionState.READY);
        assertThat(health.health(true).getStatus().getCode()).isEqualTo("UP");
        assertThat(simulator.received(ReqPositions.class))
                .as("1102 keeps subscriptions")
                .hasSize(1);

        simulator.connectivityLoss(1101, Duration.ofMillis(50));
        Eventually.await(
                "re-subscribed after 1101",
                WAIT,
                () -> simulator.received(ReqPositions.class).size() == 2);
        assertThat(manager.state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void subscriptionsAreResentAfterReconnectAndCancelledOnStop() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1));
        manager.subscribe(
                new TwsSubscription("positions", reqId -> new ReqPositions(), reqId -> new CancelPositions(), null));
        simulator.dropAllClients();
        Eventually.await(
                "re-subscribed after reconnect",
                WAIT,
                () -> simulator.received(ReqPositions.class).size() == 2);

        manager.stop();
        Eventually.await(
                "cancelled at TWS",
                WAIT,
                () -> simulator.received(CancelPositions.class).size() == 1);
    }

    @Test
    void clientIdInUseMovesToTheNextIdOfTheRange() throws Exception {
        TwsSimulator simulator = simulator();
        simulator.claimClientId(5);
        TwsConnectionManager manager = manager(simulator, fast(simulator, 5));
        manager.start();
        Eventually.await("READY on another id", WAIT, () -> manager.state() == ConnectionState.READY);
        TwsStatus status = manager.status();
        assertThat(status.clientId()).isEqualTo(6);
        assertThat(status.configuredClientId()).isEqualTo(5);
        assertThat(status.lastError().code()).isEqualTo(326);
        assertThat(simulator.connectedClientIds()).containsExactly(6);
    }

    @Test
    void clientIdRangeWrapsAround() {
        TwsProperties settings = TwsProperties.of("h", 1, 10); // ids 10..17
        assertThat(settings.nextClientId(10)).isEqualTo(11);
        assertThat(settings.nextClientId(17)).isEqualTo(10);
    }

    @Test
    void timedOutRequestIsCancelledAtTwsAndItsLateAnswerIgnored() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1));
        // the answer comes late in real time: late enough that no stall of this thread lets it arrive before the
        // timeout below (on the test's clock) has failed the request
        simulator.delayAnswers(Duration.ofSeconds(2));
        CompletableFuture<List<AccountSummary>> slow = manager.request(accountSummary(Duration.ofSeconds(5)));
        Eventually.await(
                "request reached TWS",
                WAIT,
                () -> !simulator.received(ReqAccountSummary.class).isEmpty());
        int reqId = simulator.received(ReqAccountSummary.class).get(0).reqId();

        clock.advance(Duration.ofSeconds(6));
        manager.housekeeping();
        assertThatThrownBy(slow::join).hasCauseInstanceOf(TwsTimeoutException.class);
        assertThat(manager.pendingRequests()).isZero();
        Eventually.await(
                "cancel reached TWS",
                WAIT,
                () -> simulator.received(CancelAccountSummary.class).contains(new CancelAccountSummary(reqId)));

        Eventually.await("late answer arrived", WAIT, () -> seen.contains(new AccountSummaryEnd(reqId)));
        assertThat(manager.pendingRequests()).isZero();
        assertThat(manager.state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void twoHundredConcurrentRequestsGetDistinctReqIdsAndAllComplete() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager =
                ready(simulator, fast(simulator, 1).withMaxPendingRequests(250).withMaxMessagesPerSecond(45));
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<List<AccountSummary>>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(CompletableFuture.supplyAsync(
                                () -> manager.request(accountSummary(Duration.ofSeconds(20))), callers)
                        .thenCompose(f -> f));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            Set<Integer> reqIds = new HashSet<>();
            for (CompletableFuture<List<AccountSummary>> future : futures) {
                List<AccountSummary> rows = future.join();
                assertThat(rows).hasSize(2);
                assertThat(rows.stream().map(AccountSummary::reqId).distinct()).hasSize(1);
                reqIds.add(rows.get(0).reqId());
            }
            assertThat(reqIds).hasSize(200);
            assertThat(manager.pendingRequests()).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBurstOfRequestsNeverBreaksTwsMessageRate() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1).withMaxPendingRequests(200));
        List<CompletableFuture<CurrentTime>> burst = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            burst.add(manager.request(
                    TwsRequest.answeredBy("t", new ReqCurrentTime(), CurrentTime.class, Duration.ofSeconds(30))));
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(simulator.rateViolations()).isZero();
    }

    @Test
    void beyondTheCapRequestsAreRefusedAtOnce() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1).withMaxPendingRequests(2));
        simulator.delayAnswers(Duration.ofSeconds(30));
        manager.request(accountSummary(Duration.ofSeconds(60)));
        manager.request(accountSummary(Duration.ofSeconds(60)));
        assertThatThrownBy(() -> manager.request(accountSummary(Duration.ofSeconds(60))))
                .isInstanceOf(TwsBusyException.class);
    }

    @Test
    void requestErrorFailsOnlyThatRequest() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1));
        simulator.delayAnswers(Duration.ofSeconds(2)); // so that the error below reaches the request first
        CompletableFuture<List<AccountSummary>> doomed = manager.request(accountSummary(Duration.ofSeconds(10)));
        CompletableFuture<List<AccountSummary>> fine = manager.request(accountSummary(Duration.ofSeconds(10)));
        Eventually.await(
                "both reached TWS",
                WAIT,
                () -> simulator.received(ReqAccountSummary.class).size() == 2);
        int doomedId = simulator.received(ReqAccountSummary.class).get(0).reqId();

        simulator.sendError(doomedId, 322, "Error processing request");
        assertThatThrownBy(doomed::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        TwsRequestException.class, e -> assertThat(e.code()).isEqualTo(322));
        assertThat(fine.get(15, TimeUnit.SECONDS)).hasSize(2);
        assertThat(manager.state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void keylessAnswersAreMatchedInOrder() throws Exception {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = ready(simulator, fast(simulator, 1));
        CurrentTime answer = manager.request(
                        TwsRequest.answeredBy("time", new ReqCurrentTime(), CurrentTime.class, Duration.ofSeconds(5)))
                .get(5, TimeUnit.SECONDS);
        assertThat(answer.epochSeconds()).isEqualTo(clock.instant().getEpochSecond());
    }
}
