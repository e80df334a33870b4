package io.tradergateway.bench;

import io.tradergateway.GatewayApplication;
import io.tradergateway.sim.SimContracts;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsConnectionManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13's stream benchmark: N clients of GET /api/v1/stream on loopback, client i following quotes of contract
 * i mod C, with C of the simulator's synthetic stocks ticking 20 times a second. One process, one clock: the
 * gateway with its simulator (profile sim) and the clients, which are plain NIO sockets on one selector thread. The
 * simulator reports when it writes a tick step ({@link io.tradergateway.sim.SimMarketData#onTickSent}) with the
 * day's volume every line carries in that step, distinct per step; a client's latency for a step is from that send
 * to the first event it reads with that volume (quotes are conflated per client, so a step a client got behind on
 * may be skipped: counted as seen below). Phases: warm-up, baseline, then one more client that follows every
 * contract and reads nothing while the others' latency is measured again. Gateway CPU is the process's CPU less
 * the client thread's; heap is the process's after a GC (the clients' own buffers included, a few MiB).
 *
 * <p>Args: clients contracts warmupSeconds baselineSeconds stallSeconds. Prints one line starting {@code sse }
 * with key=value pairs. Run by bench/run.sh (ONLY=sse).
 */
public final class SseBenchmark {

    private static final int TICKS_PER_SECOND = 20;
    private static final byte[] VOLUME = "\"volume\":".getBytes(StandardCharsets.US_ASCII);

    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    private volatile Samples recording = new Samples(); // warm-up: thrown away
    private final Selector selector;
    private final List<Client> clients = new ArrayList<>();

    private SseBenchmark() throws IOException {
        selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        int clients = arg(args, 0, 1000);
        int contracts = arg(args, 1, 50);
        int warmup = arg(args, 2, 15);
        int baseline = arg(args, 3, 30);
        int stall = arg(args, 4, 60);
        List<Integer> conIds = IntStream.rangeClosed(1, contracts)
                .map(n -> SimContracts.SYNTHETIC_BASE + n)
                .boxed()
                .toList();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("sim")
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--server.tomcat.accept-count=" + (clients + 100),
                        "--gateway.ib-status.enabled=false",
                        "--logging.level.root=WARN",
                        "--gateway.simulator.tick-interval=" + (1000 / TICKS_PER_SECOND) + "ms",
                        "--gateway.simulator.ticking-contracts="
                                + conIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        "--gateway.stream.max-streams-per-key=" + (clients + 10),
                        "--gateway.stream.max-topics-per-stream=" + Math.max(50, contracts),
                        "--gateway.data-dir=" + System.getProperty("bench.dir", "./target/bench") + "/sse-"
                                + UUID.randomUUID());
        try {
            TwsConnectionManager tws = app.getBean(TwsConnectionManager.class);
            long until = System.currentTimeMillis() + 60_000;
            while (tws.state() != ConnectionState.READY && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SseBenchmark bench = new SseBenchmark();
            app.getBean(TwsSimulator.class)
                    .marketData()
                    .onTickSent(volume -> bench.sentAt.putIfAbsent(volume, System.nanoTime()));
            System.out.println(bench.run(port, clients, conIds, warmup, baseline, stall));
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private String run(int port, int n, List<Integer> conIds, int warmup, int baseline, int stall) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < n; i++) {
            clients.add(new Client(address, "quotes:" + conIds.get(i % conIds.size()), true));
        }
        Thread reader = new Thread(this::readLoop, "bench-clients");
        reader.setDaemon(true);
        reader.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        Thread.sleep(warmup * 1000L);
        long connected = clients.stream().filter(c -> c.status == 200).count();
        Samples base = new Samples();
        long reader0 = threads.getThreadCpuTime(reader.getId());
        long cpu0 = os.getProcessCpuTime() - reader0;
        Map<String, Long> groups0 = cpuByThreadGroup(threads);
        long t0 = System.nanoTime();
        recording = base;
        Thread.sleep(baseline * 1000L);
        recording = new Samples();
        long elapsed = System.nanoTime() - t0;
        long readerCpu = threads.getThreadCpuTime(reader.getId()) - reader0;
        double cpuShare = (os.getProcessCpuTime() - readerCpu - reader0 - cpu0) / (double) elapsed;
        double readerShare = readerCpu / (double) elapsed;
        // where the gateway's CPU went (stderr, bench/run.sh keeps it in target/bench/sse.log)
        cpuByThreadGroup(threads).forEach((group, cpu) -> groups0.merge(group, -cpu, Long::sum));
        groups0.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(8)
                .forEach(e -> System.err.printf(
                        "cpu %-28s %5.1f%% of a core%n", e.getKey(), -100.0 * e.getValue() / elapsed));
        long heapBase = heapAfterGc();

        // one more client follows every contract and reads nothing: its socket buffers fill, its writer blocks
        Client silent =
                new Client(address, conIds.stream().map(c -> "quotes:" + c).collect(Collectors.joining(",")), false);
        Samples stalled = new Samples();
        recording = stalled;
        Thread.sleep(stall * 1000L);
        recording = new Samples();
        long heapStall = heapAfterGc();
        long ended = clients.stream().filter(c -> c.ended).count();
        silent.channel.close();

        double expected = (double) n * TICKS_PER_SECOND * baseline;
        return String.format(
                "sse clients=%d contracts=%d rate=%d connected=%d base_p50=%.2f base_p99=%.2f base_n=%d seen_pct=%.0f"
                        + " stall_p50=%.2f stall_p99=%.2f stall_n=%d stall_s=%d cpu_pct=%.0f heap_mib=%d"
                        + " heap_stall_mib=%d ended=%d client_cpu_pct=%.0f",
                n,
                conIds.size(),
                TICKS_PER_SECOND,
                connected,
                base.percentile(50),
                base.percentile(99),
                base.count(),
                100 * base.count() / expected,
                stalled.percentile(50),
                stalled.percentile(99),
                stalled.count(),
                stall,
                100 * cpuShare,
                heapBase >> 20,
                heapStall >> 20,
                ended,
                100 * readerShare);
    }

    /** CPU time of the live threads by name, digits dropped (sse-17 and sse-912 are one group). */
    private static Map<String, Long> cpuByThreadGroup(ThreadMXBean threads) {
        Map<String, Long> groups = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long cpu = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(info.getThreadName().replaceAll("[0-9]+", "#"), cpu, Long::sum);
            }
        }
        return groups;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (selector.isOpen()) {
                selector.select(100);
                long now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    Client client = (Client) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            client.connected(key);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int read = client.channel.read(buffer);
                            if (read < 0) {
                                client.ended = true;
                                key.cancel();
                                System.err.printf(
                                        "client %s ended by the server (HTTP %d, %s)%n",
                                        client.request.substring(0, client.request.indexOf(' ', 4)),
                                        client.status,
                                        client.tail());
                            } else {
                                buffer.flip();
                                client.scan(buffer, now);
                            }
                        }
                    } catch (IOException e) {
                        client.ended = true;
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
                synchronized (this) { // clients that registered while the selector was busy
                    for (Client client : pendingRegistration) {
                        client.channel.register(selector, SelectionKey.OP_CONNECT, client);
                    }
                    pendingRegistration.clear();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<Client> pendingRegistration = new ArrayList<>();

    /** One SSE client: a non-blocking socket, the HTTP request, and a scan for each event's volume. */
    private final class Client {
        final SocketChannel channel;
        final String request;
        final boolean reads;
        volatile int status;
        volatile boolean ended;
        private long lastVolume = -1;
        private int matched; // bytes of VOLUME matched so far (across reads)
        private long number = -1; // the volume being read
        private int digits;
        private final byte[] tail = new byte[300]; // the end of what arrived last (why a stream ended)
        private int tailLength;
        private boolean header = true;
        private final StringBuilder statusLine = new StringBuilder();

        Client(InetSocketAddress address, String topics, boolean reads) throws IOException {
            this.reads = reads;
            this.request = "GET /api/v1/stream?topics=" + topics + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n";
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (!reads) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            }
            channel.connect(address);
            synchronized (SseBenchmark.this) {
                pendingRegistration.add(this);
            }
            selector.wakeup();
        }

        String tail() {
            return new String(tail, 0, tailLength, StandardCharsets.UTF_8)
                    .replace("\n", "\\n")
                    .replace("\r", "");
        }

        void connected(SelectionKey key) throws IOException {
            channel.finishConnect();
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            key.interestOps(reads ? SelectionKey.OP_READ : 0);
        }

        /** Finds {@code "volume":<digits>} in what arrived; the first event of a new step is its arrival. */
        void scan(ByteBuffer in, long now) {
            int from = Math.max(in.position(), in.limit() - tail.length);
            tailLength = in.limit() - from; // kept as bytes: a String per read would cost the clients' thread
            in.get(from, tail, 0, tailLength);
            while (in.hasRemaining()) {
                byte b = in.get();
                if (header) {
                    if (statusLine.length() < 12) {
                        statusLine.append((char) b);
                        if (statusLine.length() == 12) {
                            status = Integer.parseInt(statusLine.substring(9, 12));
                            header = false;
                        }
                    }
                    continue;
                }
                if (number >= 0) {
                    if (b >= '0' && b <= '9') {
                        number = number * 10 + (b - '0');
                        digits++;
                        continue;
                    }
                    if (digits > 0) { // "volume":"live" in valueTypes is no volume
                        arrived(number, now);
                    }
                    number = -1;
                }
                if (b == VOLUME[matched]) {
                    matched++;
                    if (matched == VOLUME.length) {
                        matched = 0;
                        number = 0;
                        digits = 0;
                    }
                } else {
                    matched = b == VOLUME[0] ? 1 : 0;
                }
            }
        }

        private void arrived(long volume, long now) {
            if (volume == lastVolume) {
                return;
            }
            lastVolume = volume;
            Long sent = sentAt.get(volume);
            if (sent != null) {
                recording.add(now - sent);
            }
        }
    }

    /** Latencies in microseconds, recorded by the one reader thread. */
    private static final class Samples {
        private int[] micros = new int[1 << 16];
        private int count;

        synchronized void add(long nanos) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1000);
        }

        synchronized int count() {
            return count;
        }

        synchronized double percentile(int p) {
            if (count == 0) {
                return Double.NaN;
            }
            int[] sorted = Arrays.copyOf(micros, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)] / 1000.0;
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
