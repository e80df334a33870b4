package io.tradergateway.tws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.sim.SimulatorSettings;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.support.Eventually;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ReqCurrentTime;
import io.tradergateway.tws.wire.ServerMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real client against the simulator over loopback sockets. */
class TwsConnectionManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private TwsSimulator simulator() throws IOException {
        TwsSimulator simulator = new TwsSimulator(SimulatorSettings.defaults(), Clock.systemUTC()).start();
        toClose.add(simulator);
        return simulator;
    }

    private static TwsProperties settings(int port, int clientId) {
        return TwsProperties.of("127.0.0.1", port, clientId)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    private TwsConnectionManager manager(String host, int port, int clientId) {
        TwsProperties settings = settings(port, clientId);
        TwsEndpoint endpoint = new TwsEndpoint(host, port, BrokerMode.SIMULATOR);
        TwsConnectionManager manager = new TwsConnectionManager(
                settings,
                () -> endpoint,
                Clock.systemUTC(),
                new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay(), 0, () -> 0));
        toClose.add(manager::stop);
        return manager;
    }

    @Test
    void becomesReadyWithTheManagedAccountsAndNegotiatedVersion() throws IOException {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = manager(simulator.host(), simulator.port(), 1);
        manager.start();
        Eventually.await("READY", WAIT, () -> manager.state() == ConnectionState.READY);

        TwsStatus status = manager.status();
        assertThat(status.serverVersion()).isEqualTo(200);
        assertThat(status.managedAccounts()).containsExactly("DU1111111", "DU2222222");
        assertThat(status.connectedSince()).isNotNull();
        assertThat(simulator.connectedClientIds()).containsExactly(1);
    }

    @Test
    void requestsGoOutAndAnswersReachListeners() throws IOException {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = manager(simulator.host(), simulator.port(), 1);
        List<ServerMessage> seen = new CopyOnWriteArrayList<>();
        manager.addListener(new TwsListener() {
            @Override
            public void onMessage(ServerMessage message) {
                seen.add(message);
            }
        });
        manager.start();
        Eventually.await("READY", WAIT, () -> manager.state() == ConnectionState.READY);
        manager.send(new ReqCurrentTime());
        Eventually.await("currentTime", WAIT, () -> seen.stream().anyMatch(CurrentTime.class::isInstance));
    }

    @Test
    void reconnectsAfterTwsDropsTheConnection() throws IOException {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = manager(simulator.host(), simulator.port(), 1);
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        manager.addListener(new TwsListener() {
            @Override
            public void onStateChange(ConnectionState previous, ConnectionState current) {
                states.add(current);
            }
        });
        manager.start();
        Eventually.await("READY", WAIT, () -> manager.state() == ConnectionState.READY);

        simulator.dropAllClients();
        Eventually.await("disconnect seen", WAIT, () -> states.contains(ConnectionState.DISCONNECTED));
        Eventually.await("READY again", WAIT, () -> manager.state() == ConnectionState.READY);
        assertThat(states)
                .containsSubsequence(
                        ConnectionState.READY,
                        ConnectionState.DISCONNECTED,
                        ConnectionState.CONNECTING,
                        ConnectionState.SYNCING,
                        ConnectionState.READY);
        assertThat(manager.status().lastError().message()).contains("connection to TWS lost");
    }

    @Test
    void withNobodyListeningItKeepsRetryingAndReportsUnavailable() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        TwsConnectionManager manager = manager("127.0.0.1", port, 1);
        manager.start();
        Eventually.await(
                "a failed attempt",
                WAIT,
                () -> manager.status().lastError() != null && manager.status().nextReconnectAt() != null);

        assertThat(manager.state()).isNotEqualTo(ConnectionState.READY);
        assertThat(manager.status().lastError().code()).isEqualTo(502);
        assertThatThrownBy(manager::managedAccounts)
                .isInstanceOf(TwsUnavailableException.class)
                .satisfies(e ->
                        assertThat(((TwsUnavailableException) e).retryAfter()).isPositive());
    }

    @Test
    void clientIdInUseIsReportedAs326() throws IOException {
        TwsSimulator simulator = simulator();
        TwsConnectionManager first = manager(simulator.host(), simulator.port(), 4);
        first.start();
        Eventually.await("first READY", WAIT, () -> first.state() == ConnectionState.READY);

        TwsConnectionManager second = manager(simulator.host(), simulator.port(), 4);
        second.start();
        Eventually.await(
                "326 reported",
                WAIT,
                () -> second.status().lastError() != null
                        && second.status().lastError().code() == 326);
        assertThat(second.state()).isNotEqualTo(ConnectionState.READY);
        assertThat(first.state()).isEqualTo(ConnectionState.READY);
    }

    @Test
    void stopEndsEveryThreadAndFreesTheClientId() throws IOException {
        TwsSimulator simulator = simulator();
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        TwsConnectionManager manager = manager(simulator.host(), simulator.port(), 2);
        manager.start();
        Eventually.await("READY", WAIT, () -> manager.state() == ConnectionState.READY);
        assertThat(newGatewayThreads(before)).isNotEmpty();

        manager.stop();
        assertThat(manager.state()).isEqualTo(ConnectionState.DISCONNECTED);
        Eventually.await(
                "client threads ended",
                Duration.ofSeconds(2),
                () -> newGatewayThreads(before).isEmpty());
        Eventually.await(
                "client id released", WAIT, () -> simulator.connectedClientIds().isEmpty());
    }

    @Test
    void canBeStoppedAndStartedAgainAsTheTestContextCacheDoes() throws IOException {
        TwsSimulator simulator = simulator();
        TwsConnectionManager manager = manager(simulator.host(), simulator.port(), 8);
        manager.start();
        Eventually.await("READY", WAIT, () -> manager.state() == ConnectionState.READY);
        manager.stop();
        manager.start();
        Eventually.await("READY after restart", WAIT, () -> manager.state() == ConnectionState.READY);
    }

    /** Client threads (not the simulator's) started since {@code before} and still alive. */
    private static List<String> newGatewayThreads(java.util.Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> name.startsWith("tws-reader") || name.startsWith("tws-connector"))
                .toList();
    }

    @Test
    void backoffDoublesUpToTheCapAndJitterOnlyShortensIt() {
        Backoff pinned = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0);
        assertThat(List.of(pinned.delay(0), pinned.delay(1), pinned.delay(2), pinned.delay(5), pinned.delay(50)))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
        Backoff jittered = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 1.0);
        assertThat(jittered.delay(3)).isEqualTo(Duration.ofMillis(6400));
    }
}
