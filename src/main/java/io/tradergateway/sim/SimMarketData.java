package io.tradergateway.sim;

import io.tradergateway.tws.wire.CancelMktData;
import io.tradergateway.tws.wire.CancelPnL;
import io.tradergateway.tws.wire.CancelPnLSingle;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.MarketDataType;
import io.tradergateway.tws.wire.ReqMarketDataType;
import io.tradergateway.tws.wire.ReqMktData;
import io.tradergateway.tws.wire.ReqPnL;
import io.tradergateway.tws.wire.ReqPnLSingle;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.TickReqParams;
import io.tradergateway.tws.wire.TickSnapshotEnd;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Market data and PnL as TWS serves them, per client session:
 *
 * <ul>
 *   <li>reqMarketDataType sets the session's type (1 live .. 4 delayed-frozen) for later lines.
 *   <li>reqMktData: a contract configured as not subscribed gets 10089 (live asked: the line ends) or 10167 then
 *       delayed ticks (delayed asked), as TWS does; more than {@link #maxLines} lines get 101; unknown contracts
 *       200. A line starts with marketDataType, tickReqParams and a full set of ticks, then moves on every tick
 *       step of the simulator's clock. A snapshot ends with tickSnapshotEnd and holds no line.
 *   <li>reqPnL / reqPnLSingle: PnL of the simulator's own book, sent at once and on every price step.
 * </ul>
 *
 * Faults: ticking can be stopped; a farm blip (2103 then 2104) and a connectivity loss leave existing lines
 * silently dead until they are requested again, which is what real TWS feeds are known to do.
 */
public final class SimMarketData {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimMarketData.class);

    /** IB's default number of simultaneous market-data lines. */
    public static final int DEFAULT_MAX_LINES = 100;

    private record Line(SimContract contract, boolean delayed, boolean silent) {}

    private static final class Lines {
        volatile int type = 1;
        final Map<Integer, Line> quotes = new HashMap<>();
        final Map<Integer, ClientRequest> pnl = new HashMap<>();
    }

    private final SimSessions clients;
    private final ScheduledExecutorService ticker;
    private final Clock clock;
    private final SimTicks ticks;
    private final SimPnl pnl;
    private final Map<SimSession, Lines> sessions = new ConcurrentHashMap<>();
    private final Set<Integer> notSubscribed = ConcurrentHashMap.newKeySet();
    private volatile int maxLines = DEFAULT_MAX_LINES;
    private volatile Set<Integer> ticking = Set.of(); // empty: every line moves
    private volatile LongConsumer onTickSent = volume -> {};
    private volatile boolean stopped;
    private long publishedTick;
    private long publishedPriceStep;

    static SimMarketData create(
            Clock clock, SimPrices prices, SimPortfolio book, SimSessions clients, BooleanSupplier blackholed) {
        return new SimMarketData(
                clock, new SimTicks(prices, SimTicks.DEFAULT_INTERVAL), new SimPnl(book, prices), clients, blackholed);
    }

    SimMarketData(Clock clock, SimTicks ticks, SimPnl pnl, SimSessions clients, BooleanSupplier blackholed) {
        this.clients = clients;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> TwsSimulator.daemon(r, "tws-sim-ticks"));
        this.clock = clock;
        this.ticks = ticks;
        this.pnl = pnl;
        this.publishedTick = ticks.tickStep(clock.instant());
        this.publishedPriceStep = pnl.step(clock.instant());
        // its own thread, so that ticking never delays the simulator's timer (history, faults); scheduled last, once
        // every field is set, and a failing round is logged, never allowed to end the ticking
        ticker.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!blackholed.getAsBoolean()) {
                            publish();
                        }
                    } catch (RuntimeException e) {
                        log.warn("simulator market data: publishing failed", e);
                    }
                },
                20,
                20,
                TimeUnit.MILLISECONDS);
    }

    // ---- controls (tests, demo)

    /** This contract has no live subscription: live requests get 10089, delayed requests delayed data. */
    public void notSubscribed(int conId, boolean value) {
        if (value) {
            notSubscribed.add(conId);
        } else {
            notSubscribed.remove(conId);
        }
    }

    /** TWS's own limit of simultaneous lines per client (101 beyond it). */
    public void maxLines(int value) {
        maxLines = value;
    }

    /** One move of every line per this much simulator-clock time (default 250 ms). */
    public void tickInterval(java.time.Duration value) {
        ticks.interval(value);
    }

    /** Only the lines of these contracts move (the others keep their first ticks); empty: every line moves. */
    public void tickingContracts(Set<Integer> conIds) {
        ticking = Set.copyOf(conIds);
    }

    /**
     * Called on the ticking thread just before the moves of a new tick step are written, with the day's volume they
     * all carry (distinct per tick step over a day): the send time of that step for a benchmark that reads the
     * volume in what its clients receive.
     */
    public void onTickSent(LongConsumer listener) {
        onTickSent = listener;
    }

    /** Stops (or resumes) every tick, as a feed that goes silent does; the lines stay open. */
    public void stopTicking(boolean value) {
        stopped = value;
    }

    /** Open streaming lines over every client. */
    public synchronized int openLines() {
        return sessions.values().stream().mapToInt(l -> l.quotes.size()).sum();
    }

    /** Open PnL subscriptions (reqPnL and reqPnLSingle) over every client. */
    public synchronized int openPnlSubscriptions() {
        return sessions.values().stream().mapToInt(l -> l.pnl.size()).sum();
    }

    /** A market-data farm blip: 2103, then 2104; the lines open before it stay silent until re-requested. */
    public void farmBlip() {
        silenceAll();
        clients.sendError(-1, ErrorCodes.MARKET_FARM_BROKEN, "Market data farm connection is broken:usfarm");
        clients.sendError(-1, ErrorCodes.MARKET_FARM_OK, "Market data farm connection is OK:usfarm");
    }

    /** TWS lost IB's servers: lines go silent now; after {@code after} they tick again (1102) or are gone (1101). */
    void connectivityLoss(int restoreCode, java.time.Duration after) {
        silenceAll();
        Runnable restore = restoreCode == ErrorCodes.RESTORED_DATA_MAINTAINED ? this::resumeAll : this::dropSilent;
        try {
            ticker.schedule(restore, Math.max(0, after.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Every line now open goes silent without a word (after a farm blip or a connectivity loss). */
    synchronized void silenceAll() {
        for (Lines lines : sessions.values()) {
            lines.quotes.replaceAll((id, line) -> new Line(line.contract(), line.delayed(), true));
        }
    }

    /** 1101: TWS has dropped the lines that went silent; the client must request them again. */
    synchronized void dropSilent() {
        for (Lines lines : sessions.values()) {
            lines.quotes.values().removeIf(Line::silent);
        }
    }

    /** Silent lines tick again (1102: data maintained). */
    synchronized void resumeAll() {
        for (Lines lines : sessions.values()) {
            lines.quotes.replaceAll((id, line) -> new Line(line.contract(), line.delayed(), false));
        }
    }

    // ---- requests

    /** Handles the market-data and PnL requests; false for any other request. */
    synchronized boolean handle(SimSession session, ClientRequest request) throws IOException {
        Lines lines = sessions.computeIfAbsent(session, s -> new Lines());
        if (request instanceof ReqMarketDataType type) {
            lines.type = type.marketDataType();
        } else if (request instanceof ReqMktData req) {
            start(session, lines, req);
        } else if (request instanceof CancelMktData cancel) {
            lines.quotes.remove(cancel.reqId());
        } else if (request instanceof ReqPnL || request instanceof ReqPnLSingle) {
            int reqId = request instanceof ReqPnL p ? p.reqId() : ((ReqPnLSingle) request).reqId();
            lines.pnl.put(reqId, request);
            send(session, pnl.answer(request, clock.instant()));
        } else if (request instanceof CancelPnL cancel) {
            lines.pnl.remove(cancel.reqId());
        } else if (request instanceof CancelPnLSingle cancel) {
            lines.pnl.remove(cancel.reqId());
        } else {
            return false;
        }
        return true;
    }

    private void start(SimSession session, Lines lines, ReqMktData req) throws IOException {
        Optional<SimContract> found = SimContracts.byConId(req.contract().conId());
        if (found.isEmpty()) {
            session.error(req.reqId(), SimContractDesk.NO_SECURITY_DEFINITION, SimContractDesk.NO_SECURITY_TEXT);
            return;
        }
        if (!req.snapshot() && lines.quotes.size() >= maxLines) {
            session.error(
                    req.reqId(),
                    ErrorCodes.MAX_TICKERS_REACHED,
                    "Max number of tickers has been reached. The current limit is " + maxLines + " tickers.");
            return;
        }
        SimContract contract = found.get();
        boolean live = !notSubscribed.contains(contract.conId());
        int asked = lines.type;
        if (!live && (asked == 1 || asked == 2)) {
            session.error(
                    req.reqId(),
                    ErrorCodes.DELAYED_AVAILABLE_NOT_SUBSCRIBED,
                    "Requested market data requires additional subscription for API. See link in 'Market Data"
                            + " Connections' dialog for more details.Delayed market data is available.");
            return;
        }
        if (!live) {
            session.error(
                    req.reqId(),
                    ErrorCodes.DISPLAYING_DELAYED,
                    "Requested market data is not subscribed. Displaying delayed market data.");
        }
        int type = live ? (asked == 2 || asked == 4 ? 2 : 1) : (asked == 4 ? 4 : 3);
        List<ServerMessage> answer = new ArrayList<>();
        answer.add(new MarketDataType(req.reqId(), type));
        answer.add(new TickReqParams(req.reqId(), contract.minTick(), "9c0001", 3));
        answer.addAll(ticks.full(req.reqId(), contract, clock.instant(), !live));
        if (req.snapshot()) {
            answer.add(new TickSnapshotEnd(req.reqId()));
        } else {
            lines.quotes.put(req.reqId(), new Line(contract, !live, false));
        }
        send(session, answer);
    }

    void close() {
        ticker.shutdownNow();
    }

    void ended(SimSession session) {
        sessions.remove(session);
    }

    /** Sends a move on every open line on a new tick step of the clock, and PnL on a new price step (every 20 ms on its own thread). */
    public synchronized void publish() {
        Instant now = clock.instant();
        long tick = ticks.tickStep(now);
        long priceStep = pnl.step(now);
        boolean moved = tick != publishedTick;
        boolean priced = priceStep != publishedPriceStep;
        publishedTick = tick;
        publishedPriceStep = priceStep;
        Set<Integer> moving = ticking;
        if (moved && !stopped) {
            onTickSent.accept(SimTicks.volume(tick));
        }
        for (Map.Entry<SimSession, Lines> entry : sessions.entrySet()) {
            List<ServerMessage> out = new ArrayList<>();
            if (moved && !stopped) {
                for (Map.Entry<Integer, Line> line : entry.getValue().quotes.entrySet()) {
                    SimContract contract = line.getValue().contract();
                    if (!line.getValue().silent() && (moving.isEmpty() || moving.contains(contract.conId()))) {
                        out.addAll(ticks.update(
                                line.getKey(), contract, now, line.getValue().delayed()));
                    }
                }
            }
            if (priced) {
                for (ClientRequest request : entry.getValue().pnl.values()) {
                    out.addAll(pnl.answer(request, now));
                }
            }
            try {
                send(entry.getKey(), out);
            } catch (IOException e) {
                entry.getKey().close();
            }
        }
    }

    private static void send(SimSession session, List<? extends ServerMessage> messages) throws IOException {
        for (ServerMessage message : messages) {
            session.send(message);
        }
    }
}
