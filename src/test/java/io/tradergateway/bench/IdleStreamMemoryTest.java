package io.tradergateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Memory per idle stream, measured: {@value #STREAMS} streams on one shared topic held open over real HTTP, heap
 * (after GC) and threads counted before and after. The
 * client side is a raw socket per stream (as curl holds), so the heap figure is the gateway's. Printed as "idle stream: ..." (README "Event stream").
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.stream.max-streams-per-key=1000"})
@ActiveProfiles("sim")
class IdleStreamMemoryTest {

    private static final int STREAMS = 200;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TwsClient tws;

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** A raw socket (as curl holds one): the client side costs no heap to speak of, so the figure is the gateway's. */
    private Socket openStream() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) WAIT.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/stream?topics=status HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String seen = "";
        while (!seen.contains("event:status")) { // the snapshot arrived: the stream is open end to end
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream closed early: " + seen);
            }
            seen = (seen + (char) b).substring(Math.max(0, seen.length() - 64));
        }
        return socket;
    }

    @Test
    void anIdleStreamCostsAFewKilobytesOfHeapAndNoThread() throws Exception {
        Eventually.await("READY", WAIT, () -> tws.state() == ConnectionState.READY);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Socket warm = openStream();
        long heapBefore = heapAfterGc(memory);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Socket> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                streams.add(openStream());
            }
            long heapAfter = heapAfterGc(memory);
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            long perStream = (heapAfter - heapBefore) / STREAMS;
            double threadsPerStream = (threadsAfter - threadsBefore) / (double) STREAMS;
            System.out.printf(
                    "idle stream: %d bytes of gateway heap each, %.2f threads each (%d streams)%n",
                    perStream, threadsPerStream, STREAMS);
            assertThat(perStream).isLessThan(256 * 1024);
            assertThat(threadsPerStream)
                    .as("streams are written by the shared writer pool")
                    .isLessThan(0.1);
        } finally {
            for (Socket socket : streams) {
                socket.close();
            }
            warm.close();
        }
    }
}
