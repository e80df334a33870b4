package io.tradergateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.RawTwsClient;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ManagedAccounts;
import io.tradergateway.tws.wire.NextValidId;
import io.tradergateway.tws.wire.ReqCurrentTime;
import io.tradergateway.tws.wire.ReqIds;
import io.tradergateway.tws.wire.ServerHello;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over real loopback sockets, seen by a bare protocol client. */
class TwsSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T07:00:00Z");
    private TwsSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = new TwsSimulator(SimulatorSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private RawTwsClient client() throws IOException {
        return new RawTwsClient(simulator.host(), simulator.port());
    }

    @Test
    void negotiatesTheHighestVersionBothSidesKnowAndSendsConnectionTime() throws IOException {
        try (RawTwsClient client = client()) {
            ServerHello hello = client.handshake(100, 176);
            assertThat(hello.serverVersion()).isEqualTo(176);
            assertThat(hello.connectionTime()).isEqualTo("20261126 07:00:00 UTC");
        }
        try (RawTwsClient client = client()) {
            assertThat(client.handshake(100, 250).serverVersion()).isEqualTo(200);
        }
    }

    @Test
    void startApiIsAnsweredWithAccountsNextIdAndFarmNotices() throws IOException {
        try (RawTwsClient client = client()) {
            client.handshake(100, 200);
            client.startApi(5);
            assertThat(client.next()).isEqualTo(new ManagedAccounts(List.of("DU1111111", "DU2222222")));
            assertThat(client.next()).isInstanceOf(NextValidId.class);
            List<Integer> codes = List.of(
                    ((ErrorMessage) client.next()).code(),
                    ((ErrorMessage) client.next()).code(),
                    ((ErrorMessage) client.next()).code());
            assertThat(codes).containsExactly(2104, 2106, 2158);
        }
    }

    @Test
    void aClientAnnouncing176GetsMessagesShapedFor176() throws IOException {
        try (RawTwsClient client = client()) {
            client.handshake(100, 176);
            client.startApi(5);
            client.nextPayload(); // managedAccounts
            client.nextPayload(); // nextValidId
            String notice = new String(client.nextPayload(), StandardCharsets.UTF_8).replace('\0', '|');
            // 176 < 194: error messages keep the version field and have no error time
            assertThat(notice).isEqualTo("4|2|-1|2104|Market data farm connection is OK:usfarm||");
        }
        try (RawTwsClient client = client()) {
            client.handshake(100, 200);
            client.startApi(6);
            client.nextPayload();
            client.nextPayload();
            String notice = new String(client.nextPayload(), StandardCharsets.UTF_8).replace('\0', '|');
            assertThat(notice)
                    .isEqualTo("4|-1|2104|Market data farm connection is OK:usfarm||" + NOW.toEpochMilli() + "|");
        }
    }

    @Test
    void secondClientWithTheSameClientIdGets326AndIsDisconnected() throws IOException {
        try (RawTwsClient first = client();
                RawTwsClient second = client()) {
            first.handshake(100, 200);
            first.startApi(9);
            first.next(ManagedAccounts.class);

            second.handshake(100, 200);
            second.startApi(9);
            ErrorMessage refused = second.next(ErrorMessage.class);
            assertThat(refused.code()).isEqualTo(326);
            assertThat(refused.reqId()).isEqualTo(-1);
            assertThatThrownBy(second::next).isInstanceOf(EOFException.class);

            // the first session is unaffected
            first.send(new ReqCurrentTime());
            assertThat(first.next(CurrentTime.class)).isEqualTo(new CurrentTime(NOW.getEpochSecond()));
        }
    }

    @Test
    void clientIdIsFreeAgainOnceItsSessionEnds() throws IOException {
        try (RawTwsClient first = client()) {
            first.handshake(100, 200);
            first.startApi(3);
            first.next(ManagedAccounts.class);
        }
        Eventually.await(
                "client id 3 released",
                Duration.ofSeconds(5),
                () -> !simulator.connectedClientIds().contains(3));
        try (RawTwsClient again = client()) {
            again.handshake(100, 200);
            again.startApi(3);
            assertThat(again.next()).isInstanceOf(ManagedAccounts.class);
        }
    }

    @Test
    void reqIdsAnswersWithNextValidId() throws IOException {
        try (RawTwsClient client = client()) {
            client.handshake(157, 200);
            client.startApi(1);
            long first = client.next(NextValidId.class).orderId();
            client.send(new ReqIds(1));
            assertThat(client.next(NextValidId.class).orderId()).isGreaterThanOrEqualTo(first);
        }
    }

    @Test
    void clientOlderThanTheSimulatorIsDisconnected() throws IOException {
        try (RawTwsClient client = client()) {
            assertThatThrownBy(() -> client.handshake(100, 150)).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void garbageInsteadOfAHandshakeClosesTheConnection() throws IOException {
        try (java.net.Socket socket = new java.net.Socket(simulator.host(), simulator.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void hugeDeclaredFrameLengthClosesTheSessionInsteadOfAllocating() throws IOException {
        try (RawTwsClient client = client()) {
            client.handshake(100, 200);
            client.startApi(11);
            client.next(ManagedAccounts.class);
        }
        try (java.net.Socket socket = new java.net.Socket(simulator.host(), simulator.port())) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            out.write(new io.tradergateway.tws.wire.ClientHello(100, 200, "").toBytes());
            out.write(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            var in = socket.getInputStream();
            // the server hello comes back, then the session ends
            byte[] buffer = new byte[4096];
            int total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
            assertThat(total).isPositive();
        }
    }
}
