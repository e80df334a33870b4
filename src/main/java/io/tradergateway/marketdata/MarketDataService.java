package io.tradergateway.marketdata;

import io.tradergateway.contract.ContractInfo;
import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsListener;
import io.tradergateway.tws.TwsProblem;
import io.tradergateway.tws.TwsSubscription;
import io.tradergateway.tws.TwsUnavailableException;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ReqMarketDataType;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared market-data lines: one reqMktData per contract however many watchers, released {@code linger} after the
 * last watcher leaves, within a line budget ({@code max-lines}, 429 beyond it: never TWS's 101 as a 500). When TWS
 * refuses live data the service asks for delayed data (reqMarketDataType, kept across reconnects as a subscription
 * of its own) and the quotes say so. Silent lines are flagged stale; after a market-data farm blip (2103 then 2104)
 * every line is requested again, since such feeds are known to stay silently dead otherwise. Re-sending after a
 * reconnect or 1101 is the connection's job (each line is a TwsSubscription).
 */
public class MarketDataService implements QuoteLine.Owner {

    private static final Logger log = LoggerFactory.getLogger(MarketDataService.class);
    private static final String TYPE_KEY = "market-data-type";

    /** A watcher's hold on a line; closing it lets the line go (after the linger). */
    public interface Watch extends AutoCloseable {
        Quote current();

        @Override
        void close();
    }

    private final TwsClient tws;
    private final MarketDataProperties settings;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final Executor publisher; // one thread: each line's quotes, coalesced (QuoteLine)
    private final Map<Integer, QuoteLine> lines = new HashMap<>();
    private volatile MarketDataKind requested;
    private volatile boolean farmDown;

    public MarketDataService(
            TwsClient tws,
            MarketDataProperties settings,
            Clock clock,
            ScheduledExecutorService worker,
            Executor publisher) {
        this.tws = tws;
        this.settings = settings;
        this.clock = clock;
        this.worker = worker;
        this.publisher = publisher;
        this.requested = settings.marketDataType();
        if (requested != MarketDataKind.LIVE) {
            tws.subscribe(typeSubscription());
        }
        tws.addListener(new TwsListener() {
            @Override
            public void onMessage(ServerMessage message) {
                if (message instanceof ErrorMessage error) {
                    farmNotice(error.code());
                }
            }

            @Override
            public void onStateChange(ConnectionState previous, ConnectionState current) {
                if (current == ConnectionState.READY) {
                    forEachLine(line -> line.restarted(clock.instant()));
                }
            }
        });
        long every = Math.max(1, settings.checkInterval().toMillis());
        worker.scheduleWithFixedDelay(this::housekeeping, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches a contract: opens its line if nobody watches it yet (429 when the budget is used up), then sends
     * {@code listener} the current quote at once if the line has one, and every change after.
     */
    public Watch watch(ContractInfo contract, QuoteListener listener) {
        QuoteLine line;
        synchronized (lines) {
            line = lines.get(contract.conId());
            if (line == null) {
                makeRoom();
                line = new QuoteLine(contract.conId(), contract.exchange(), sessions(contract), this, clock, publisher);
                lines.put(contract.conId(), line);
                tws.subscribe(line.subscription());
            }
            line.add(listener);
        }
        Quote now = line.quote();
        if (now.lastTickAt() != null || now.fallback() != null) {
            listener.onQuote(now);
        }
        QuoteLine held = line;
        return new Watch() {
            @Override
            public Quote current() {
                return held.quote();
            }

            @Override
            public void close() {
                synchronized (lines) {
                    held.remove(listener, clock.instant());
                }
            }
        };
    }

    /** When silence counts as stale for this contract (gateway.market-data.stale-during). */
    private TradingSessions sessions(ContractInfo contract) {
        return switch (settings.staleDuring()) {
            case ALWAYS -> TradingSessions.ALWAYS;
            case TRADING_HOURS -> TradingSessions.parse(contract.tradingHours(), contract.timeZoneId());
            case LIQUID_HOURS ->
                TradingSessions.parse(
                        contract.liquidHours() != null ? contract.liquidHours() : contract.tradingHours(),
                        contract.timeZoneId());
        };
    }

    /** The contract's quote: from its line if open, else a new line's first bid, ask and last (or what came). */
    public Quote quote(ContractInfo contract) {
        if (tws.state() != ConnectionState.READY) {
            throw new TwsUnavailableException("TWS is not connected: no market data", tws.state(), tws.retryAfter());
        }
        FirstQuote first = new FirstQuote();
        try (Watch watch = watch(contract, first)) {
            try {
                return first.quote.get(settings.quoteWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return watch.current();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof MarketDataException m ? m : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return watch.current();
            }
        }
    }

    public MarketDataStatus status() {
        synchronized (lines) {
            List<Integer> stale = new ArrayList<>();
            int watched = 0;
            for (QuoteLine line : lines.values()) {
                watched += line.watchers() > 0 ? 1 : 0;
                if (line.stale()) {
                    stale.add(line.conId());
                }
            }
            stale.sort(Comparator.naturalOrder());
            return new MarketDataStatus(settings.maxLines(), lines.size(), watched, stale, requested.label());
        }
    }

    /** Called on the reader thread when TWS ended a line with an error. */
    @Override
    public void lineEnded(QuoteLine line, ErrorMessage error, TwsProblem problem) {
        if (problem == TwsProblem.NOT_SUBSCRIBED && settings.delayedFallback() && !line.fellBack()) {
            requested = requested.delayedCounterpart();
            line.fallback("delayed: live market data is not subscribed (IB " + error.code() + ")");
            log.info(
                    "no live market data for conId {} (IB {}): asking TWS for {} data",
                    line.conId(),
                    error.code(),
                    requested.label());
            worker.execute(() -> {
                tws.subscribe(typeSubscription());
                tws.subscribe(line.subscription());
            });
            return;
        }
        MarketDataException failure = switch (problem) {
            case MARKET_DATA_LINES ->
                MarketDataException.linesExhausted(
                        settings.maxLines(),
                        "TWS's own limit of simultaneous market-data lines is reached (IB 101: " + error.message()
                                + "); lower gateway.market-data.max-lines to the account's allowance",
                        settings.linger());
            case NOT_SUBSCRIBED, NO_PERMISSION ->
                MarketDataException.notSubscribed(line.conId(), error.code(), error.message());
            default -> MarketDataException.refused(line.conId(), error.code(), error.message());
        };
        log.warn("market data for conId {} ended by TWS: {} {}", line.conId(), error.code(), error.message());
        synchronized (lines) {
            lines.remove(line.conId(), line);
        }
        worker.execute(() -> tws.unsubscribe(line.key()));
        line.fail(failure);
    }

    private TwsSubscription typeSubscription() {
        MarketDataKind kind = requested;
        return new TwsSubscription(TYPE_KEY, reqId -> new ReqMarketDataType(kind.code()), null, null);
    }

    /** Frees the longest-idle lingering line, or refuses with 429 naming the budget. */
    private void makeRoom() {
        if (lines.size() < settings.maxLines()) {
            return;
        }
        QuoteLine idle = lines.values().stream()
                .filter(l -> l.watchers() == 0 && l.idleSince() != null)
                .min(Comparator.comparing(QuoteLine::idleSince))
                .orElseThrow(() -> MarketDataException.linesExhausted(
                        settings.maxLines(),
                        "All " + settings.maxLines() + " market-data lines are in use (gateway.market-data.max-lines);"
                                + " a line frees when its last watcher leaves",
                        settings.linger()));
        lines.remove(idle.conId());
        tws.unsubscribe(idle.key());
    }

    private void farmNotice(int code) {
        if (code == ErrorCodes.MARKET_FARM_BROKEN) {
            farmDown = true;
        } else if (code == ErrorCodes.MARKET_FARM_OK && farmDown) {
            farmDown = false;
            worker.execute(this::requestAgain);
        }
    }

    /** Every line again under a fresh request id (after a farm blip). */
    void requestAgain() {
        List<QuoteLine> all;
        synchronized (lines) {
            all = List.copyOf(lines.values());
        }
        log.info("market data farm back: requesting {} lines again", all.size());
        for (QuoteLine line : all) {
            tws.unsubscribe(line.key());
            tws.subscribe(line.subscription());
            line.restarted(clock.instant());
        }
    }

    /** Closes lines unwatched for the linger and flags silent ones (every check-interval; rules on the clock). */
    void housekeeping() {
        try {
            Instant now = clock.instant();
            List<QuoteLine> expired = new ArrayList<>();
            List<QuoteLine> open;
            synchronized (lines) {
                lines.values().removeIf(line -> {
                    boolean gone = line.watchers() == 0
                            && line.idleSince() != null
                            && !line.idleSince().plus(settings.linger()).isAfter(now);
                    if (gone) {
                        expired.add(line);
                    }
                    return gone;
                });
                open = List.copyOf(lines.values());
            }
            expired.forEach(line -> tws.unsubscribe(line.key()));
            if (tws.state() == ConnectionState.READY) {
                open.forEach(line -> line.checkStale(now, settings.staleAfter()));
            }
        } catch (RuntimeException e) {
            log.warn("market data housekeeping failed", e);
        }
    }

    private void forEachLine(java.util.function.Consumer<QuoteLine> action) {
        List<QuoteLine> all;
        synchronized (lines) {
            all = List.copyOf(lines.values());
        }
        all.forEach(action);
    }
}
