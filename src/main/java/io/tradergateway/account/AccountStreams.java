package io.tradergateway.account;

import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsListener;
import io.tradergateway.tws.TwsSubscription;
import io.tradergateway.tws.wire.AccountDownloadEnd;
import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.AccountSummaryEnd;
import io.tradergateway.tws.wire.AccountUpdateTime;
import io.tradergateway.tws.wire.AccountValue;
import io.tradergateway.tws.wire.CancelAccountSummary;
import io.tradergateway.tws.wire.CancelPositions;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ManagedAccounts;
import io.tradergateway.tws.wire.PortfolioValue;
import io.tradergateway.tws.wire.Position;
import io.tradergateway.tws.wire.PositionEnd;
import io.tradergateway.tws.wire.ReqAccountSummary;
import io.tradergateway.tws.wire.ReqAccountUpdates;
import io.tradergateway.tws.wire.ReqPositions;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps accounts, positions and portfolios live in memory from three TWS streams, whatever the number of
 * accounts (a bounded, constant number of subscriptions at TWS):
 *
 * <ol>
 *   <li>{@code reqPositions}: positions (quantity, average cost) of every account, one stream;
 *   <li>{@code reqAccountSummary("All", tags)}: the summary values of every account, one stream (TWS allows
 *       two at once);
 *   <li>{@code reqAccountUpdates(account)}: valued portfolio rows (market price and value, PnL) and account
 *       values. TWS serves ONE account at a time per client, so with several accounts (advisor setups) this
 *       stream rotates: it stays on an account for {@code gateway.accounts.portfolio-dwell} after that
 *       account's download, then moves to the next; an account a client asked for and that has no portfolio
 *       yet goes first. Each account keeps the rows of its last visit, served with {@code stale: true}
 *       while the stream is elsewhere.
 * </ol>
 *
 * Not chosen: reqPnLSingle per position (live market value for every account, but one subscription per
 * position: unbounded) and reqPositionsMulti / reqAccountUpdatesMulti (per-account streams without portfolio
 * valuation). Streams go through {@link TwsClient#subscribe}, so they are re-sent after a
 * reconnect or 1101; each re-send starts a fresh download that replaces the old rows only when complete.
 */
@Component
class AccountStreams implements SmartLifecycle, TwsListener {

    private static final Logger log = LoggerFactory.getLogger(AccountStreams.class);

    /** The summary tags the gateway serves (IB's AccountSummaryTags names). */
    static final List<String> SUMMARY_TAGS = List.of(
            "AccountType",
            "NetLiquidation",
            "TotalCashValue",
            "BuyingPower",
            "AvailableFunds",
            "ExcessLiquidity",
            "GrossPositionValue",
            "MaintMarginReq",
            "InitMarginReq");

    static final String POSITIONS = "positions";
    static final String SUMMARY = "account-summary";
    static final String PORTFOLIO = "account-updates";

    private final TwsClient connection;
    private final AccountsProperties settings;
    private final Clock clock;
    private final LiveTable<String, Position> positions;
    private final LiveTable<String, AccountSummary> summary;
    private final Map<String, PortfolioTables> portfolios = new ConcurrentHashMap<>();
    private ScheduledExecutorService focusThread; // guarded by focusLock; one per start (contexts can be paused)
    private final Object focusLock = new Object();

    // guarded by focusLock
    private volatile List<String> knownAccounts = List.of();
    private String focused;
    private Instant visitComplete; // when the focused account's download of this visit ended
    private final Set<String> requested = new LinkedHashSet<>();
    private boolean running;

    /** Account values and portfolio rows of one account, re-synced together. */
    record PortfolioTables(LiveTable<String, AccountValue> values, LiveTable<Integer, PortfolioValue> rows) {

        void restart() {
            values.restart();
            rows.restart();
        }

        void commit() {
            values.commit();
            rows.commit();
        }

        void interrupted() {
            values.interrupted();
            rows.interrupted();
        }

        void paused() {
            values.paused();
            rows.paused();
        }

        void resumed() {
            values.resumed();
            rows.resumed();
        }
    }

    AccountStreams(TwsClient connection, AccountsProperties settings, Clock clock) {
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
        this.positions = new LiveTable<>(clock);
        this.summary = new LiveTable<>(clock);
        connection.addListener(this);
    }

    // ---- reads (never touch the socket)

    List<String> knownAccounts() {
        return knownAccounts;
    }

    LiveTable.Snapshot<Position> positions() {
        return positions.snapshot();
    }

    LiveTable.Snapshot<AccountSummary> summary() {
        return summary.snapshot();
    }

    PortfolioTables portfolio(String account) {
        return portfolios.computeIfAbsent(
                account, a -> new PortfolioTables(new LiveTable<>(clock), new LiveTable<>(clock)));
    }

    /** A client wants this account's portfolio: visit it next if it is not the one streaming. */
    void wanted(String account) {
        synchronized (focusLock) {
            if (!account.equals(focused)) {
                requested.add(account);
            }
        }
        executeQuietly(this::checkFocusSafely);
    }

    /** A guess at when an account that has no portfolio yet will have one. */
    Duration expectedWait(String account) {
        synchronized (focusLock) {
            if (account.equals(focused) || visitComplete == null) {
                return Duration.ofSeconds(1);
            }
            Duration left = settings.portfolioDwell().minus(Duration.between(visitComplete, clock.instant()));
            return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left.plusSeconds(1);
        }
    }

    // ---- lifecycle

    @Override
    public void start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-focus");
            t.setDaemon(true);
            return t;
        });
        synchronized (focusLock) {
            if (running) {
                thread.shutdown();
                return;
            }
            running = true;
            focusThread = thread;
        }
        connection.subscribe(new TwsSubscription(
                POSITIONS,
                reqId -> {
                    positions.restart();
                    return new ReqPositions();
                },
                reqId -> new CancelPositions(),
                null));
        connection.subscribe(new TwsSubscription(
                SUMMARY,
                reqId -> {
                    summary.restart();
                    return new ReqAccountSummary(reqId, "All", String.join(",", SUMMARY_TAGS));
                },
                CancelAccountSummary::new,
                this::onSummary));
        long every = Math.max(10, settings.focusCheckInterval().toMillis());
        thread.scheduleWithFixedDelay(this::checkFocusSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService thread;
        synchronized (focusLock) {
            running = false;
            thread = focusThread;
            focusThread = null;
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (focusLock) {
            return running;
        }
    }

    /**
     * Start before the connection manager (the streams are registered before the first session is READY) and
     * stop after it (the manager cancels the streams at TWS on its way out).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    // ---- incoming (reader thread: quick, never blocks on TWS)

    @Override
    public void onMessage(ServerMessage message) {
        if (message instanceof Position p) {
            String key = p.account() + ":" + p.conId();
            if (p.position().signum() == 0) {
                positions.remove(key);
            } else {
                positions.put(key, p);
            }
        } else if (message instanceof PositionEnd) {
            positions.commit();
        } else if (message instanceof PortfolioValue row) {
            if (row.position().signum() == 0) {
                portfolio(row.account()).rows().remove(row.conId());
            } else {
                portfolio(row.account()).rows().put(row.conId(), row);
            }
        } else if (message instanceof AccountValue value) {
            portfolio(value.account()).values().put(value.key() + ":" + value.currency(), value);
        } else if (message instanceof AccountDownloadEnd end) {
            portfolio(end.account()).commit();
            synchronized (focusLock) {
                if (end.account().equals(focused)) {
                    visitComplete = clock.instant();
                }
            }
        } else if (message instanceof AccountUpdateTime) {
            String current;
            synchronized (focusLock) {
                current = focused;
            }
            if (current != null) {
                portfolio(current).rows().touch();
            }
        } else if (message instanceof ManagedAccounts accounts) {
            knownAccounts = List.copyOf(accounts.accounts());
            executeQuietly(this::checkFocusSafely);
        }
    }

    private void onSummary(ServerMessage message) {
        if (message instanceof AccountSummary row) {
            summary.put(row.account() + ":" + row.tag() + ":" + row.currency(), row);
        } else if (message instanceof AccountSummaryEnd) {
            summary.commit();
        } else if (message instanceof ErrorMessage error) {
            log.warn("account summary stream: TWS error {}: {}", error.code(), error.message());
        }
    }

    /** Called under the connection manager's lock: only flags change here, nothing is sent. */
    @Override
    public void onStateChange(ConnectionState previous, ConnectionState current) {
        String streamingAccount;
        synchronized (focusLock) {
            streamingAccount = focused;
            if (!current.isUsable()) {
                visitComplete = null;
            }
        }
        if (current == ConnectionState.DEGRADED) {
            positions.paused();
            summary.paused();
            if (streamingAccount != null) {
                portfolio(streamingAccount).paused();
            }
        } else if (current == ConnectionState.READY && previous == ConnectionState.DEGRADED) {
            positions.resumed();
            summary.resumed();
            if (streamingAccount != null) {
                portfolio(streamingAccount).resumed();
            }
        } else if (!current.isUsable()) {
            positions.interrupted();
            summary.interrupted();
            portfolios.values().forEach(PortfolioTables::interrupted);
        }
    }

    // ---- the portfolio focus (which account reqAccountUpdates follows)

    private void checkFocusSafely() {
        try {
            checkFocus();
        } catch (RuntimeException e) {
            log.error("account focus check failed", e);
        }
    }

    private void checkFocus() {
        List<String> accounts = knownAccounts;
        String next;
        String previous;
        synchronized (focusLock) {
            if (!running || accounts.isEmpty() || !connection.state().isUsable()) {
                return;
            }
            previous = focused;
            next = chooseNext(accounts);
            if (next == null || next.equals(previous)) {
                return;
            }
            focused = next;
            visitComplete = null;
            requested.remove(next);
        }
        if (previous != null) {
            connection.unsubscribe(PORTFOLIO); // reqAccountUpdates(false, previous)
            portfolio(previous).interrupted();
        }
        log.debug("portfolio stream moves from {} to {}", previous, next);
        connection.subscribe(new TwsSubscription(
                PORTFOLIO,
                reqId -> {
                    portfolio(next).restart();
                    return new ReqAccountUpdates(true, next);
                },
                reqId -> new ReqAccountUpdates(false, next),
                null));
    }

    /** Call with focusLock held; null = stay. */
    private String chooseNext(List<String> accounts) {
        if (focused == null || !accounts.contains(focused)) {
            String first =
                    requested.stream().filter(accounts::contains).findFirst().orElse(null);
            return first != null ? first : accounts.get(0);
        }
        if (accounts.size() == 1 || visitComplete == null) {
            return null; // one account: never move; several: not before this visit's download is complete
        }
        for (String wanted : requested) {
            if (accounts.contains(wanted)
                    && !portfolio(wanted).rows().snapshot().synced()) {
                return wanted; // a client waits for an account never seen: go now
            }
        }
        if (Duration.between(visitComplete, clock.instant()).compareTo(settings.portfolioDwell()) < 0) {
            return null;
        }
        String first = requested.stream().filter(accounts::contains).findFirst().orElse(null);
        if (first != null) {
            return first;
        }
        return accounts.get((accounts.indexOf(focused) + 1) % accounts.size());
    }

    private void executeQuietly(Runnable task) {
        ScheduledExecutorService thread;
        synchronized (focusLock) {
            thread = focusThread;
        }
        if (thread == null) {
            return; // stopped: the next start checks the focus on its schedule
        }
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }
}
