package io.tradergateway.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake TWS: a real TCP server on loopback that speaks the server side of the TWS API socket protocol
 * with deterministic data. It is the demo's broker and the test fixture, so it behaves like TWS where a
 * client can tell: version negotiation per client, client-id uniqueness (error 326, then close), farm
 * notices after start-up.
 *
 * <p>One thread accepts; each client session has its own thread. All threads are daemons named
 * {@code tws-sim-*} and end on {@link #close()}.
 */
public final class TwsSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwsSimulator.class);

    private final SimulatorSettings settings;
    private final Clock clock;
    private final Map<Integer, SimSession> sessionsByClientId = new ConcurrentHashMap<>();
    private final Set<SimSession> sessions = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private final AtomicInteger nextOrderId = new AtomicInteger(1);
    private volatile ServerSocket server;

    public TwsSimulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tws-sim-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds and starts accepting clients; returns this for chaining. */
    public synchronized TwsSimulator start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 50);
        server = socket;
        threads.execute(this::acceptLoop);
        log.info(
                "TWS simulator listening on {}:{} (server versions {}..{})",
                settings.bindAddress().getHostAddress(),
                socket.getLocalPort(),
                settings.minServerVersion(),
                settings.maxServerVersion());
        return this;
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        ServerSocket socket = server;
        if (socket == null) {
            throw new IllegalStateException("not started");
        }
        return socket.getLocalPort();
    }

    public String host() {
        return settings.bindAddress().getHostAddress();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Client ids of the sessions that completed startApi. */
    public Set<Integer> connectedClientIds() {
        return Set.copyOf(sessionsByClientId.keySet());
    }

    /** Closes every client connection, as a TWS restart would; the server keeps accepting. */
    public void dropAllClients() {
        List.copyOf(sessions).forEach(SimSession::close);
    }

    @Override
    public synchronized void close() {
        ServerSocket socket = server;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("closing simulator socket", e);
            }
        }
        dropAllClients();
        threads.shutdownNow();
    }

    Clock clock() {
        return clock;
    }

    int allocateOrderIds(int count) {
        return nextOrderId.getAndAdd(Math.max(1, count));
    }

    int peekNextOrderId() {
        return nextOrderId.get();
    }

    /** Registers the client id; false when another live session holds it. */
    boolean claimClientId(int clientId, SimSession session) {
        return sessionsByClientId.putIfAbsent(clientId, session) == null;
    }

    void ended(SimSession session) {
        sessions.remove(session);
        sessionsByClientId.remove(session.clientId(), session);
    }

    private void acceptLoop() {
        ServerSocket socket = server;
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                SimSession session = new SimSession(this, client);
                sessions.add(session);
                try {
                    threads.execute(session);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    session.close(); // shutting down
                }
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                log.warn("simulator accept failed: {}", e.getMessage());
            }
        }
    }
}
