package io.tradergateway.stream;

import io.tradergateway.account.AccountId;
import io.tradergateway.account.AccountService;
import io.tradergateway.contract.ContractService;
import io.tradergateway.marketdata.MarketDataException;
import io.tradergateway.marketdata.MarketDataService;
import io.tradergateway.marketdata.PnlService;
import io.tradergateway.marketdata.Quote;
import io.tradergateway.marketdata.QuoteListener;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts the source of each topic from the features that own the data: marketdata (quotes, PnL: pushed), account
 * (positions, portfolio: kept live in memory there, polled here), the connection and market-data status (polled),
 * order (orders, executions: pushed through {@link OrderTopics}).
 * Whatever a source cannot answer right now (not synced, unknown account) becomes a {@code problem} payload in the
 * stream instead of ending it.
 */
final class TopicSources {

    private final MarketDataService marketData;
    private final PnlService pnl;
    private final ContractService contracts;
    private final AccountService accounts;
    private final TwsClient tws;
    private final OrderTopics orders;

    TopicSources(
            MarketDataService marketData,
            PnlService pnl,
            ContractService contracts,
            AccountService accounts,
            TwsClient tws,
            OrderTopics orders) {
        this.marketData = marketData;
        this.pnl = pnl;
        this.contracts = contracts;
        this.accounts = accounts;
        this.tws = tws;
        this.orders = orders;
    }

    /** Starts a topic's source; throws the ProblemException that explains a topic that cannot be followed. */
    TopicSource start(Topic topic, Consumer<Object> publish) {
        return switch (topic.kind()) {
            case QUOTES -> quotes(topic, publish);
            case PNL -> pnl(topic, publish);
            case POSITIONS -> polled(() -> accounts.positions(Optional.empty()));
            case PORTFOLIO -> {
                AccountId account = new AccountId(topic.account()); // 400 for a malformed id, now
                yield polled(() -> accounts.portfolio(account));
            }
            case STATUS -> polled(() -> Map.of("tws", tws.status(), "marketData", marketData.status()));
            case ORDERS -> orders.orders(publish);
            case EXECUTIONS -> orders.executions(publish);
        };
    }

    private TopicSource quotes(Topic topic, Consumer<Object> publish) {
        MarketDataService.Watch watch = marketData.watch(contracts.byConId(topic.conId()), new QuoteListener() {
            @Override
            public void onQuote(Quote quote) {
                publish.accept(quote);
            }

            @Override
            public void onFailure(MarketDataException failure) {
                publish.accept(problem(failure));
            }
        });
        return new TopicSource() {
            @Override
            public Object current() {
                return watch.current();
            }

            @Override
            public void close() {
                watch.close();
            }
        };
    }

    private TopicSource pnl(Topic topic, Consumer<Object> publish) {
        if (!tws.managedAccounts().contains(topic.account())) {
            throw new io.tradergateway.web.InvalidParameterException(
                    "topics", "pnl: account " + topic.account() + " is not managed by this TWS session");
        }
        PnlService.Hold hold = pnl.watch(topic.account(), topic.conId(), publish::accept);
        return new TopicSource() {
            @Override
            public Object current() {
                Object latest = pnl.latest(topic.account(), topic.conId());
                return latest == null ? Map.of("account", topic.account(), "pending", true) : latest;
            }

            @Override
            public void close() {
                hold.close();
            }
        };
    }

    private static TopicSource polled(Supplier<Object> read) {
        return new TopicSource() {
            @Override
            public Object current() {
                try {
                    return read.get();
                } catch (ProblemException e) {
                    return problem(e);
                }
            }

            @Override
            public boolean polled() {
                return true;
            }
        };
    }

    /** A problem as a payload: {"problem": {type, title, status, detail}}. */
    static Map<String, Object> problem(ProblemException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(e.getBody().getType()));
        body.put("title", e.getBody().getTitle());
        body.put("status", e.getBody().getStatus());
        body.put("detail", e.getBody().getDetail());
        return Map.of("problem", body);
    }

    static List<String> kinds() {
        return List.of("quote", "positions", "portfolio", "pnl", "status", "order", "execution", "reset", "end");
    }
}
