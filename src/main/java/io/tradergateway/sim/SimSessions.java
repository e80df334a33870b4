package io.tradergateway.sim;

import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.ErrorMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's client sessions, as TWS keeps them: one per socket, client ids unique among live sessions, one
 * order id sequence for all of them, and a bounded log of every request received (for tests and the demo).
 */
final class SimSessions {

    private static final Logger log = LoggerFactory.getLogger(SimSessions.class);
    private static final int RECEIVED_KEPT = 10_000;

    private final Map<Integer, SimSession> byClientId = new ConcurrentHashMap<>();
    private final Set<SimSession> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextOrderId = new AtomicInteger(1);
    private final Deque<TwsSimulator.Received> received = new ConcurrentLinkedDeque<>();

    /** Registers the client id; false when another live session holds it. */
    boolean claim(int clientId, SimSession session) {
        return byClientId.putIfAbsent(clientId, session) == null;
    }

    void ended(SimSession session) {
        all.remove(session);
        byClientId.remove(session.clientId(), session);
    }

    Set<Integer> clientIds() {
        return Set.copyOf(byClientId.keySet());
    }

    void closeAll() {
        List.copyOf(all).forEach(SimSession::close);
    }

    /** Runs {@code action} on every session that completed startApi; a session whose socket fails is closed. */
    void forEachStarted(IoAction action) {
        for (SimSession session : List.copyOf(all)) {
            if (session.clientId() != Integer.MIN_VALUE) {
                try {
                    action.apply(session);
                } catch (IOException e) {
                    session.close();
                }
            }
        }
    }

    @FunctionalInterface
    interface IoAction {
        void apply(SimSession session) throws IOException;
    }

    /** Accepts clients until the socket closes; each session runs on {@code threads}. */
    void acceptLoop(ServerSocket socket, TwsSimulator simulator, SimFaults faults, ExecutorService threads) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (faults.refusing()) {
                    client.close(); // what a TWS that is restarting looks like to a client
                    continue;
                }
                client.setTcpNoDelay(true);
                SimSession session = new SimSession(simulator, client);
                all.add(session);
                try {
                    threads.execute(session);
                } catch (RejectedExecutionException e) {
                    session.close(); // shutting down
                }
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                log.warn("simulator accept failed: {}", e.getMessage());
            }
        }
    }

    /** 1100 to every client now, then {@code restoreCode} (1101 or 1102) after {@code after} of real time. */
    void connectivityLoss(int restoreCode, Duration after, ScheduledExecutorService timers) {
        if (restoreCode != ErrorCodes.RESTORED_DATA_LOST && restoreCode != ErrorCodes.RESTORED_DATA_MAINTAINED) {
            throw new IllegalArgumentException("restore code must be 1101 or 1102");
        }
        sendError(
                ErrorMessage.NO_REQUEST,
                ErrorCodes.CONNECTIVITY_LOST,
                "Connectivity between IB and Trader Workstation has been lost.");
        timers.schedule(
                () -> sendError(
                        ErrorMessage.NO_REQUEST,
                        restoreCode,
                        restoreCode == ErrorCodes.RESTORED_DATA_LOST
                                ? "Connectivity between IB and Trader Workstation has been restored - data lost."
                                : "Connectivity between IB and Trader Workstation has been restored - data maintained."),
                Math.max(0, after.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Sends an error message to every client that completed startApi. */
    void sendError(int reqId, int code, String text) {
        forEachStarted(session -> session.error(reqId, code, text));
    }

    int allocateOrderIds(int count) {
        return nextOrderId.getAndAdd(Math.max(1, count));
    }

    /** TWS never hands out an order id a client already used: nextValidId stays above it. */
    void orderIdUsed(int orderId) {
        nextOrderId.accumulateAndGet(orderId + 1, Math::max);
    }

    SimSession session(int clientId) {
        return byClientId.get(clientId);
    }

    int peekNextOrderId() {
        return nextOrderId.get();
    }

    void record(int clientId, ClientRequest request) {
        received.addLast(new TwsSimulator.Received(clientId, request));
        while (received.size() > RECEIVED_KEPT) {
            received.pollFirst();
        }
    }

    List<TwsSimulator.Received> received() {
        return List.copyOf(received);
    }

    <T extends ClientRequest> List<T> received(Class<T> type) {
        return received.stream()
                .map(TwsSimulator.Received::request)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
