package io.tradergateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.Http;
import io.tradergateway.support.SseClient;
import io.tradergateway.support.SseClient.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that reads nothing, on a raw socket with small buffers, while quotes tick and positions change, beside a
 * client that reads everything: the slow one's quotes are conflated to the latest per contract, the other keeps
 * getting every event, and once the slow one's bounded queue of other events overflows it gets a final `end` event
 * (reason slow-client) and its stream ends; what waits for it never exceeds the bound. Time moves with the clock.
 */
@TestPropertySource(
        properties = {
            "gateway.market-data.check-interval=20ms",
            "gateway.stream.poll-interval=1s",
            "gateway.stream.max-queued-events=8",
            "server.tomcat.connection-timeout=120s" // a stalled stream outlives the test (the write timeout, 10 s by
            // default)
        })
@Import(SlowClientIntegrationTest.SmallSendBuffers.class)
class SlowClientIntegrationTest extends StreamTestBase {

    private static final int MAX_QUEUED = 8;
    private static final int QUOTE_TOPICS = 2;
    private static final String OTHER_ACCOUNT = "DU2222222";
    private static final int ES = 900000001;

    /** Small socket send buffers, so a client that reads nothing stalls its stream after a few kilobytes. */
    @TestConfiguration
    static class SmallSendBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(c -> c.setProperty("socket.txBufSize", "4096"));
        }
    }

    private ClientStream slowStream() {
        return hub.streams().stream()
                .filter(s -> s.topics().contains("quotes:272093"))
                .findFirst()
                .orElse(null);
    }

    private long nextEvent(SseClient client, String type, long after) {
        Event event = client.await(WAIT, e -> e.type().equals(type) && Long.parseLong(e.id()) > after);
        return Long.parseLong(event.id());
    }

    @Test
    void aClientThatReadsNothingIsConflatedThenCutOffWhileAnotherKeepsItsEvents() throws IOException {
        Http http = new Http(port);
        Eventually.await(
                "positions synced", WAIT, () -> http.get("/api/v1/positions").statusCode() == 200);
        SseClient fast = stream("quotes:265598,positions");
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(2048); // before connecting: the window it offers stays small
            slow.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            slow.getOutputStream()
                    .write(("GET /api/v1/stream?topics=quotes:265598,quotes:272093,positions HTTP/1.1\r\n"
                                    + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            Eventually.await("the slow stream is open", WAIT, () -> slowStream() != null);
            ClientStream waiting = slowStream();

            // quotes tick until the slow client's writer is stuck (its quotes wait), the fast one reads every tick
            long lastQuote = 0;
            int stuckRounds = 0;
            for (int round = 0; round < 3000 && stuckRounds < 40; round++) {
                clock.advance(Duration.ofMillis(250)); // the simulator's next tick step
                simulator.marketData().publish();
                lastQuote = nextEvent(fast, "quote", lastQuote);
                stuckRounds = waiting.pendingQuotes() > 0 ? stuckRounds + 1 : 0;
                assertThat(waiting.pendingQuotes())
                        .as("one quote per contract at most")
                        .isLessThanOrEqualTo(QUOTE_TOPICS);
                assertThat(waiting.pending()).isLessThanOrEqualTo(MAX_QUEUED + QUOTE_TOPICS);
            }
            assertThat(stuckRounds).as("the slow client's stream stalled").isEqualTo(40);
            assertThat(waiting.ending())
                    .as("quotes alone never cut a client off")
                    .isFalse();

            // every change of positions is one event: the fast client gets each, the slow one's queue overflows
            long lastPositions = 0;
            int changes = 0;
            try {
                while (!waiting.ending()) {
                    assertThat(changes).as("cut off once the queue overflows").isLessThanOrEqualTo(MAX_QUEUED + 2);
                    changes++;
                    simulator.setPosition(OTHER_ACCOUNT, ES, BigDecimal.valueOf(changes), new BigDecimal("5500"));
                    int held = changes;
                    clock.advance(Duration.ofSeconds(1)); // the next poll; quotes that tick meanwhile move it on
                    Event positions = fast.await(WAIT, e -> {
                        clock.advance(Duration.ofSeconds(1));
                        return e.type().equals("positions") && holds(e, held);
                    });
                    lastPositions = Long.parseLong(positions.id());
                    assertThat(waiting.pending()).isLessThanOrEqualTo(MAX_QUEUED + QUOTE_TOPICS);
                }
            } finally {
                simulator.setPosition(OTHER_ACCOUNT, ES, BigDecimal.ZERO, BigDecimal.ZERO);
            }
            assertThat(changes).isGreaterThan(MAX_QUEUED);
            assertThat(lastPositions).isPositive();

            // the slow client reads at last: what was in the socket buffers, then the final event, then the end
            slow.setSoTimeout(500);
            String text = readToEnd(slow.getInputStream());
            assertThat(text).contains("HTTP/1.1 200").contains("event:end");
            String end = text.substring(text.lastIndexOf("event:end"));
            assertThat(end).contains("\"reason\":\"slow-client\"").contains("max-queued-events");
            Eventually.await("the slow stream is closed", WAIT, () -> slowStream() == null);
        }
        // the fast client still follows
        clock.advance(Duration.ofMillis(250));
        simulator.marketData().publish();
        assertThat(fast.await(WAIT, e -> e.type().equals("quote")).id()).isNotNull();
        assertThat(hub.openStreams()).isEqualTo(1);
    }

    /** Whether a positions event says the other account holds {@code quantity} ES. */
    private static boolean holds(Event positions, int quantity) {
        return data(positions).findParents("position").stream()
                .anyMatch(p -> p.path("contract").path("conId").asInt() == ES
                        && p.path("position").asInt() == quantity);
    }

    /** The raw response until the chunked body's last chunk (or the connection's end). */
    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                break;
            }
            bytes.write(buffer, 0, n);
            String text = bytes.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r\n0\r\n\r\n")) {
                break;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
