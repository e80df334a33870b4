package io.tradergateway.account;

import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsStatus;
import io.tradergateway.tws.wire.AccountSummary;
import io.tradergateway.tws.wire.PortfolioValue;
import io.tradergateway.tws.wire.Position;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Answers every account read from memory ({@link AccountStreams} keeps it live from TWS): no TWS round trip
 * per read, so reads are fast whatever TWS is doing. Data that has never been downloaded since start-up is a
 * 503 with Retry-After; data that was downloaded and is not current right now is served with {@code stale}.
 */
@Service
public class AccountService {

    private final TwsClient connection;
    private final AccountStreams streams;

    /**
     * The last positions view per filter ("" = every account, else a known account's code), with the snapshot it
     * was made from: the view is made once per change of the positions, not once per read.
     */
    private final Map<String, PositionsView> positionViews = new ConcurrentHashMap<>();

    private record PositionsView(LiveTable.Snapshot<Position> source, PositionsResponse response) {}

    AccountService(TwsClient connection, AccountStreams streams) {
        this.connection = connection;
        this.streams = streams;
    }

    /** Throws {@link io.tradergateway.tws.TwsUnavailableException} while the session is not synced. */
    public AccountsResponse accounts() {
        var codes = connection.managedAccounts();
        TwsStatus status = connection.status();
        Map<String, String> currencies = baseCurrencies();
        return new AccountsResponse(
                codes.stream().map(c -> new Account(c, currencies.get(c))).toList(), status.connectedSince());
    }

    SummaryResponse summary(AccountId account) {
        requireKnown(account);
        LiveTable.Snapshot<AccountSummary> snapshot = streams.summary();
        if (!snapshot.synced()) {
            throw notSynced("the account summary has not been downloaded from TWS yet", Duration.ofSeconds(1));
        }
        Map<String, AccountSummary> byTag = new HashMap<>();
        for (AccountSummary row : snapshot.rows()) {
            if (row.account().equals(account.value())) {
                byTag.put(row.tag(), row);
            }
        }
        AccountSummary net = byTag.get("NetLiquidation");
        return new SummaryResponse(
                account.value(),
                byTag.containsKey("AccountType") ? byTag.get("AccountType").value() : null,
                net == null ? null : AccountViews.blankToNull(net.currency()),
                money(byTag, "NetLiquidation"),
                money(byTag, "TotalCashValue"),
                money(byTag, "BuyingPower"),
                money(byTag, "AvailableFunds"),
                money(byTag, "ExcessLiquidity"),
                money(byTag, "GrossPositionValue"),
                money(byTag, "MaintMarginReq"),
                money(byTag, "InitMarginReq"),
                snapshot.asOf(),
                snapshot.stale(),
                snapshot.resyncing());
    }

    public PortfolioResponse portfolio(AccountId account) {
        requireKnown(account);
        AccountStreams.PortfolioTables tables = streams.portfolio(account.value());
        LiveTable.Snapshot<PortfolioValue> snapshot = tables.rows().snapshot();
        if (snapshot.stale()) {
            streams.wanted(account.value());
        }
        if (!snapshot.synced()) {
            throw notSynced(
                    "the portfolio of " + account + " has not been downloaded from TWS yet",
                    streams.expectedWait(account.value()));
        }
        Map<Integer, Position> positions = new HashMap<>();
        for (Position p : streams.positions().rows()) {
            if (p.account().equals(account.value())) {
                positions.put(p.conId(), p);
            }
        }
        List<PortfolioRow> rows = snapshot.rows().stream()
                .map(v -> AccountViews.row(v, positions.get(v.conId())))
                .toList();
        return new PortfolioResponse(
                account.value(),
                rows,
                AccountViews.totals(rows),
                snapshot.asOf(),
                snapshot.stale(),
                snapshot.resyncing());
    }

    /** The same instance for as long as the positions (and their state) have not changed. */
    public PositionsResponse positions(Optional<AccountId> account) {
        account.ifPresent(this::requireKnown);
        LiveTable.Snapshot<Position> snapshot = streams.positions();
        if (!snapshot.synced()) {
            throw notSynced("positions have not been downloaded from TWS yet", Duration.ofSeconds(1));
        }
        String filter = account.map(AccountId::value).orElse("");
        PositionsView last = positionViews.get(filter);
        if (last != null && last.source() == snapshot) {
            return last.response();
        }
        List<PositionView> rows = snapshot.rows().stream()
                .filter(p -> filter.isEmpty() || p.account().equals(filter))
                .map(AccountViews::position)
                .toList();
        PositionsResponse response =
                new PositionsResponse(rows, snapshot.asOf(), snapshot.stale(), snapshot.resyncing());
        positionViews.put(filter, new PositionsView(snapshot, response));
        return response;
    }

    private void requireKnown(AccountId account) {
        List<String> known = streams.knownAccounts();
        if (known.isEmpty()) {
            throw notSynced("no TWS session has been synced yet", Duration.ofSeconds(1));
        }
        if (!known.contains(account.value())) {
            throw new UnknownAccountException(account);
        }
    }

    private AccountDataNotSyncedException notSynced(String message, Duration whenConnected) {
        Duration retry = connection.state().isUsable() ? whenConnected : connection.retryAfter();
        return new AccountDataNotSyncedException(message, retry);
    }

    private Map<String, String> baseCurrencies() {
        Map<String, String> currencies = new HashMap<>();
        for (AccountSummary row : streams.summary().rows()) {
            if (row.tag().equals("NetLiquidation") && !row.currency().isBlank()) {
                currencies.put(row.account(), row.currency());
            }
        }
        return currencies;
    }

    private static Money money(Map<String, AccountSummary> byTag, String tag) {
        AccountSummary row = byTag.get(tag);
        if (row == null) {
            return null;
        }
        return new Money(AccountViews.decimal(row.value()), AccountViews.blankToNull(row.currency()));
    }
}
