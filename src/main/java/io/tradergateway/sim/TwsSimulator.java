package io.tradergateway.sim;

import io.tradergateway.tws.wire.ClientRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake TWS: a real TCP server on loopback speaking the server side of the TWS API with deterministic data; the
 * demo's broker and the test fixture, so it behaves like TWS where a client can tell (versions, 326, notices).
 * One thread accepts; each client session has its own thread; all are daemons {@code tws-sim-*}, ended by close().
 */
public final class TwsSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwsSimulator.class);

    private final SimulatorSettings settings;
    private final Clock clock;
    private final SimSessions sessions = new SimSessions();
    private final ExecutorService threads;
    private final AtomicInteger rateViolations = new AtomicInteger();
    private final SimFaults faults;
    private final SimAccounts accounts;
    private final java.util.concurrent.ScheduledExecutorService timers;
    private volatile ServerSocket server;
    private final SimPrices prices;
    private final SimPortfolio portfolio;
    private final SimAccountStreams accountStreams;
    private final SimPacing pacing = new SimPacing(); // issue 5: historical data
    private final SimHistory history;
    private final SimMarketData marketData; // issue 13: market data and PnL
    private final SimOrders orders; // issue 12: the order desk

    /** A request as the simulator received it, with the client id of the session that sent it. */
    public record Received(int clientId, ClientRequest request) {}

    public TwsSimulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> daemon(r, "tws-sim-" + counter.incrementAndGet()));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tws-sim-timer"));
        this.faults = new SimFaults(clock);
        this.accounts = new SimAccounts(settings.accounts(), settings.seed());
        this.prices = new SimPrices(settings.seed());
        this.portfolio = new SimPortfolio(settings.accounts());
        this.accountStreams = new SimAccountStreams(portfolio, prices, accounts, clock);
        this.history = new SimHistory(settings.seed(), clock, pacing, task -> later(Duration.ZERO, task));
        this.marketData = SimMarketData.create(clock, prices, portfolio, sessions, faults::blackholed);
        SimFills fills = new SimFills(clock, portfolio, this::setPosition, accountStreams::cashMoved);
        this.orders = new SimOrders(clock, prices, settings.accounts(), sessions::session, fills);
    }

    static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
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
        threads.execute(() -> sessions.acceptLoop(socket, this, faults, threads));
        timers.scheduleWithFixedDelay(this::publishMarketMoves, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
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
        return sessions.clientIds();
    }

    /** Closes every client connection, as a TWS restart would; the server keeps accepting. */
    public void dropAllClients() {
        sessions.closeAll();
    }

    // ---- fault injection
    /** New connections are closed right after accept for this long (measured on the simulator's clock). */
    public void refuseConnections(Duration duration) {
        faults.refuseFor(duration);
    }

    /** Sockets stay open but nothing is answered, not even a handshake, for this long. */
    public void blackhole(Duration duration) {
        faults.blackholeFor(duration);
    }

    /** Every answer is delayed by this much (zero clears it). */
    public void delayAnswers(Duration delay) {
        faults.delay(delay);
    }

    /** Sends an error message to every connected client, as TWS would (reqId -1 for connection notices). */
    public void sendError(int reqId, int code, String text) {
        sessions.sendError(reqId, code, text);
    }

    /** TWS loses IB's servers: 1100 now, then {@code restoreCode} (1101 / 1102) after {@code after} (real time). */
    public void connectivityLoss(int restoreCode, Duration after) {
        marketData.connectivityLoss(restoreCode, after); // lines go silent; 1101 drops them
        sessions.connectivityLoss(restoreCode, after, timers);
    }

    /** Market data and PnL: entitlements, line limit, tick rate, faults (issue 13). */
    public SimMarketData marketData() {
        return marketData;
    }

    /** Another (invisible) application holds this client id: connecting with it gets 326. */
    public void claimClientId(int clientId) {
        faults.claimClientId(clientId);
    }

    public void releaseClientId(int clientId) {
        faults.releaseClientId(clientId);
    }

    /** Ends every fault: no refusal, no black hole, no delay, no claimed ids. */
    public void clearFaults() {
        faults.clear();
        history.clearFailures();
    }

    /** Requests received so far (the most recent 10,000), oldest first. */
    public List<Received> received() {
        return sessions.received();
    }

    /** Requests of one type received so far. */
    public <T extends ClientRequest> List<T> received(Class<T> type) {
        return sessions.received(type);
    }

    /** Times a client broke TWS's 50-messages-per-second rule (each answered with error 100). */
    public int rateViolations() {
        return rateViolations.get();
    }

    void rateViolation() {
        rateViolations.incrementAndGet();
    }

    /** Historical requests refused with 162 for breaking IB's pacing rules since start. */
    public int pacingViolations() {
        return pacing.violations();
    }

    /** Multiplies IB's pacing windows (15 s, 2 s, 10 min) by {@code factor} (tests run them in seconds); 1: IB's. */
    public void scalePacingWindows(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive");
        }
        pacing.rules(SimPacing.Rules.ib().scaled(factor));
    }

    /** A slow HMDS: held historical requests stay open (the 50-open rule can bite); release answers them. */
    public void holdHistoricalAnswers(boolean hold) {
        history.hold(hold);
    }

    /** Historical requests accepted and not yet answered. */
    public int openHistoricalRequests() {
        return history.open();
    }

    /** The order desk: its orders and its fault switches (reject, drop the socket, fill a cancel, correct). */
    public SimOrders orders() {
        return orders;
    }

    public SimHistory history() {
        return history;
    }

    SimAccounts accounts() {
        return accounts;
    }

    SimAccountStreams accountStreams() {
        return accountStreams;
    }

    /**
     * Publishes portfolio rows and works the order desk if the clock entered a new price step (every
     * {@code SimPrices.STEP}); every 100 ms on the timer thread, or at once by a test that moves the clock.
     */
    public void publishMarketMoves() {
        if (!faults.blackholed()) {
            accountStreams.publishMoves();
            orders.workAll();
        }
    }

    /** Sets a position (a simulated fill) and streams the change to subscribed clients; 0 closes it. */
    public void setPosition(String account, int conId, java.math.BigDecimal quantity, java.math.BigDecimal price) {
        accountStreams.positionChanged(account, portfolio.set(account, conId, quantity, price));
    }

    /** The book of one account as reqPositions reports it. */
    public List<io.tradergateway.tws.wire.Position> positions(String account) {
        return portfolio.positions(account);
    }

    /** The book of one account valued at the current clock, as reqAccountUpdates reports it. */
    public List<io.tradergateway.tws.wire.PortfolioValue> portfolio(String account) {
        return portfolio.values(account, prices, prices.step(clock.instant()));
    }

    /** Runs {@code task} after {@code delay} on the simulator's timer thread (delayed answers). */
    void later(Duration delay, Runnable task) {
        try {
            timers.schedule(task, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the answer is moot
        }
    }

    SimFaults faults() {
        return faults;
    }

    void record(int clientId, ClientRequest request) {
        sessions.record(clientId, request);
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
        timers.shutdownNow();
        marketData.close();
        threads.shutdownNow();
    }

    Clock clock() {
        return clock;
    }

    SimSessions sessions() {
        return sessions;
    }

    /** Registers the client id; false when another live session holds it. */
    boolean claimClientId(int clientId, SimSession session) {
        return !faults.claimed(clientId) && sessions.claim(clientId, session);
    }

    void ended(SimSession session) {
        accountStreams.ended(session);
        marketData.ended(session);
        sessions.ended(session);
    }
}
