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
import io.tradergateway.tws.wire.ReqPositions;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * reconnect or 1101; each re-send starts a fresh download that replaces the old rows only when complete. The
 * rows without request ids arrive through {@link TwsClient#share} by type; {@link PortfolioFocus} decides which
 * account the portfolio stream is on.
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
    private final Clock clock;
    private final LiveTable<String, Position> positions;
    private final LiveTable<String, AccountSummary> summary;
    private final Map<String, PortfolioTables> portfolios = new ConcurrentHashMap<>();
    private final PortfolioFocus focus;

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
        this.clock = clock;
        this.positions = new LiveTable<>(clock);
        this.summary = new LiveTable<>(clock);
        this.focus = new PortfolioFocus(connection, settings, clock, this::portfolio);
        connection.addListener(this);
        connection.share(Position.class, this::onPosition);
        connection.share(PositionEnd.class, end -> positions.commit());
        connection.share(PortfolioValue.class, this::onPortfolioRow);
        connection.share(
                AccountValue.class,
                value -> portfolio(value.account()).values().put(value.key() + ":" + value.currency(), value));
        connection.share(AccountDownloadEnd.class, this::onDownloadEnd);
        connection.share(AccountUpdateTime.class, this::onUpdateTime);
        connection.share(ManagedAccounts.class, accounts -> focus.knownAccounts(accounts.accounts()));
    }

    // ---- reads (never touch the socket)

    List<String> knownAccounts() {
        return focus.knownAccounts();
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
        focus.wanted(account);
    }

    /** A guess at when an account that has no portfolio yet will have one. */
    Duration expectedWait(String account) {
        return focus.expectedWait(account);
    }

    // ---- lifecycle

    @Override
    public void start() {
        if (!focus.start()) {
            return;
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
    }

    @Override
    public void stop() {
        focus.stop();
    }

    @Override
    public boolean isRunning() {
        return focus.isRunning();
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

    private void onPosition(Position p) {
        String key = p.account() + ":" + p.conId();
        if (p.position().signum() == 0) {
            positions.remove(key);
        } else {
            positions.put(key, p);
        }
    }

    private void onPortfolioRow(PortfolioValue row) {
        if (row.position().signum() == 0) {
            portfolio(row.account()).rows().remove(row.conId());
        } else {
            portfolio(row.account()).rows().put(row.conId(), row);
        }
    }

    private void onDownloadEnd(AccountDownloadEnd end) {
        portfolio(end.account()).commit();
        focus.downloadEnded(end.account());
    }

    private void onUpdateTime(AccountUpdateTime time) {
        String current = focus.focused();
        if (current != null) {
            portfolio(current).rows().touch();
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

    /** Delivered after the connection's lock is released: only flags change here, nothing is sent. */
    @Override
    public void onStateChange(ConnectionState previous, ConnectionState current) {
        String streamingAccount = focus.focused();
        if (!current.isUsable()) {
            focus.interrupted();
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
}
