package io.tradergateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.Eventually;
import io.tradergateway.support.SseClient;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
 * (after GC) and threads counted before and after. The test JVM also holds the client side (java.net.http), so the
 * heap figure is an upper bound for the gateway. Printed as "idle stream: ..." (README "Event stream").
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

    @Test
    void anIdleStreamCostsAFewKilobytesOfHeapAndOneParkedThread() throws Exception {
        Eventually.await("READY", WAIT, () -> tws.state() == ConnectionState.READY);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        SseClient warm = SseClient.open(port, "/api/v1/stream?topics=status");
        warm.next(WAIT);
        long heapBefore = heapAfterGc(memory);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                SseClient client = SseClient.open(port, "/api/v1/stream?topics=status");
                client.next(WAIT); // the snapshot: the stream is open end to end
                streams.add(client);
            }
            long heapAfter = heapAfterGc(memory);
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            long perStream = (heapAfter - heapBefore) / STREAMS;
            double threadsPerStream = (threadsAfter - threadsBefore) / (double) STREAMS;
            System.out.printf(
                    "idle stream: %d bytes of heap each (gateway + test client), %.2f threads each (%d streams)%n",
                    perStream, threadsPerStream, STREAMS);
            assertThat(perStream).isLessThan(256 * 1024);
            assertThat(threadsPerStream).isLessThan(2.5);
        } finally {
            streams.forEach(SseClient::close);
            warm.close();
        }
    }
}
