package io.tradergateway.sim;

import io.tradergateway.tws.wire.AccountDownloadEnd;
import io.tradergateway.tws.wire.AccountUpdateTime;
import io.tradergateway.tws.wire.AccountValue;
import io.tradergateway.tws.wire.CancelPositions;
import io.tradergateway.tws.wire.ClientRequest;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.PortfolioValue;
import io.tradergateway.tws.wire.PositionEnd;
import io.tradergateway.tws.wire.ReqAccountUpdates;
import io.tradergateway.tws.wire.ReqPositions;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The position and account-update streams of every session, as TWS runs them:
 *
 * <ul>
 *   <li>reqPositions: every position of every account, positionEnd, then a position message whenever one
 *       changes, until cancelPositions.
 *   <li>reqAccountUpdates: ONE account per client at a time; subscribing to another account replaces the
 *       previous one (IB's documented rule). The download is the account values, the portfolio rows, the
 *       update time and accountDownloadEnd; afterwards each market move re-sends the portfolio rows and the
 *       update time.
 * </ul>
 *
 * reqAccountSummary is {@link SimAccountSummaries}. A fill moves cash ({@link #cashMoved}): the account's
 * values go to its account-update and summary subscribers. Market moves come from {@link SimPrices} on the simulator's clock: {@link #publishMoves()} sends the rows
 * again when the clock has entered a new price step.
 */
final class SimAccountStreams {

    private static final DateTimeFormatter UPDATE_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final SimPortfolio book;
    private final SimPrices prices;
    private final SimAccounts accounts;
    private final SimAccountSummaries summaries;
    private final Clock clock;
    private final Set<SimSession> positionSubscribers = ConcurrentHashMap.newKeySet();
    private final Map<SimSession, String> accountSubscriptions = new ConcurrentHashMap<>();
    private long publishedStep;

    SimAccountStreams(SimPortfolio book, SimPrices prices, SimAccounts accounts, Clock clock) {
        this.book = book;
        this.prices = prices;
        this.accounts = accounts;
        this.summaries = new SimAccountSummaries(accounts);
        this.clock = clock;
        this.publishedStep = prices.step(clock.instant()); // the first move is the clock's next step
    }

    /** Handles the requests of these streams; false for any other request. */
    boolean handle(SimSession session, ClientRequest request) throws IOException {
        if (summaries.handle(session, request)) {
            return true;
        }
        if (request instanceof ReqPositions) {
            positionSubscribers.add(session);
            for (String account : book.accounts()) {
                for (SimPortfolio.Holding holding : book.holdings(account)) {
                    session.send(SimPortfolio.position(account, holding));
                }
            }
            session.send(new PositionEnd());
            return true;
        }
        if (request instanceof CancelPositions) {
            positionSubscribers.remove(session);
            return true;
        }
        if (request instanceof ReqAccountUpdates updates) {
            if (!updates.subscribe()) {
                accountSubscriptions.remove(session);
            } else if (book.accounts().contains(updates.account())) {
                accountSubscriptions.put(session, updates.account()); // replaces the previous account
                download(session, updates.account());
            } else {
                session.error(
                        ErrorMessage.NO_REQUEST,
                        ErrorCodes.VALIDATION_FAILED,
                        "Error validating request: unknown account " + updates.account());
            }
            return true;
        }
        return false;
    }

    void ended(SimSession session) {
        summaries.ended(session);
        positionSubscribers.remove(session);
        accountSubscriptions.remove(session);
    }

    private void download(SimSession session, String account) throws IOException {
        for (var value : accounts.summary(account, List.of()).entrySet()) {
            String currency = value.getKey().equals("AccountType") ? "" : SimAccounts.CURRENCY;
            session.send(new AccountValue(value.getKey(), value.getValue(), currency, account));
        }
        sendValues(session, account, prices.step(clock.instant()));
        session.send(new AccountDownloadEnd(account));
    }

    private void sendValues(SimSession session, String account, long step) throws IOException {
        for (PortfolioValue row : book.values(account, prices, step)) {
            session.send(row);
        }
        session.send(
                new AccountUpdateTime(clock.instant().atZone(ZoneOffset.UTC).format(UPDATE_TIME)));
    }

    /** Sends every followed account's rows again if the clock entered a new price step since the last call. */
    synchronized void publishMoves() {
        long step = prices.step(clock.instant());
        if (step == publishedStep) {
            return;
        }
        publishedStep = step;
        for (var subscription : Map.copyOf(accountSubscriptions).entrySet()) {
            try {
                sendValues(subscription.getKey(), subscription.getValue(), step);
            } catch (IOException e) {
                subscription.getKey().close();
            }
        }
    }

    /** A position changed (a simulated fill): tell the position and account-update subscribers. */
    void positionChanged(String account, SimPortfolio.Holding holding) {
        long step = prices.step(clock.instant());
        for (SimSession session : List.copyOf(positionSubscribers)) {
            try {
                session.send(SimPortfolio.position(account, holding));
            } catch (IOException e) {
                session.close();
            }
        }
        for (var subscription : Map.copyOf(accountSubscriptions).entrySet()) {
            if (subscription.getValue().equals(account)) {
                BigDecimal price = prices.price(holding.contract(), step);
                try {
                    subscription.getKey().send(SimPortfolio.value(account, holding, price));
                } catch (IOException e) {
                    subscription.getKey().close();
                }
            }
        }
    }

    /** A fill paid or received {@code cash} and changed the gross position value: tell the account's subscribers. */
    void cashMoved(String account, BigDecimal cash, BigDecimal gross, BigDecimal commission) {
        Map<String, String> values = accounts.move(account, cash, gross, commission);
        for (var subscription : Map.copyOf(accountSubscriptions).entrySet()) {
            if (subscription.getValue().equals(account)) {
                try {
                    for (var value : values.entrySet()) {
                        String currency = value.getKey().equals("AccountType") ? "" : SimAccounts.CURRENCY;
                        subscription
                                .getKey()
                                .send(new AccountValue(value.getKey(), value.getValue(), currency, account));
                    }
                } catch (IOException e) {
                    subscription.getKey().close();
                }
            }
        }
        summaries.changed(account, values);
    }
}
