package io.tradergateway.marketdata;

import io.tradergateway.tws.IbCode;
import io.tradergateway.tws.TwsProblem;
import io.tradergateway.tws.TwsSubscription;
import io.tradergateway.tws.wire.CancelMktData;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.ErrorMessage;
import io.tradergateway.tws.wire.ReqMktData;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.TickReqParams;
import io.tradergateway.tws.wire.TickSnapshotEnd;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One market-data line at TWS for one contract, shared by every watcher of that contract. It is a
 * {@link TwsSubscription}, so the connection re-sends it after a reconnect and after 1101, and its ticks reach it
 * by request id in one lookup. Entitlement errors are judged here once: advisory codes (10167, 10090) are noted and
 * the ticks keep flowing; codes that end the live stream go to the service, which falls back to delayed data or
 * ends the line.
 *
 * <p>Watchers get quotes, not ticks: TWS sends a price change as several messages (bid, ask, sizes, last, volume:
 * about eight per step of the simulator), each applied to the book on the reader thread, which then only asks the
 * publisher thread for one quote. The publisher sends the book as it is when it runs, so every tick that came before
 * it runs is in that one quote (coalesced), none is lost, and watchers (the event stream's replay buffer, its
 * clients) see one event per change instead of one per message.
 */
final class QuoteLine {

    /** What the line asks the service to do about an error that ended it. */
    interface Owner {
        void lineEnded(QuoteLine line, ErrorMessage error, TwsProblem problem);
    }

    private final int conId;
    private final String exchange;
    private final Owner owner;
    private final Clock clock;
    private final QuoteBook book;
    private final TradingSessions sessions;
    private final Set<QuoteListener> watchers = new CopyOnWriteArraySet<>();
    private final Executor publisher;
    private final AtomicBoolean publishAsked = new AtomicBoolean();
    private String fallback;
    private boolean stale;
    private Instant lastTickAt;
    private Instant lastActivity;
    private Instant idleSince;
    private volatile boolean ended;

    QuoteLine(int conId, String exchange, TradingSessions sessions, Owner owner, Clock clock, Executor publisher) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.clock = clock;
        this.conId = conId;
        this.exchange = exchange == null || exchange.isBlank() ? "SMART" : exchange;
        this.owner = owner;
        this.book = new QuoteBook(conId);
        this.lastActivity = clock.instant();
    }

    int conId() {
        return conId;
    }

    String key() {
        return "market-data:" + conId;
    }

    TwsSubscription subscription() {
        return new TwsSubscription(
                key(),
                reqId -> ReqMktData.byConId(reqId, conId, exchange, "", false),
                CancelMktData::new,
                this::onMessage);
    }

    private void onMessage(ServerMessage message) {
        if (message instanceof ErrorMessage error) {
            onError(error);
            return;
        }
        if (message instanceof TickReqParams || message instanceof TickSnapshotEnd) {
            return;
        }
        synchronized (this) {
            if (!book.apply(message)) {
                return;
            }
            lastTickAt = clock.instant();
            lastActivity = lastTickAt;
            stale = false;
        }
        changed();
    }

    private void onError(ErrorMessage error) {
        IbCode code = IbCode.lookup(error.code());
        if (code.category() == IbCode.Category.WARNING) {
            if (error.code() == ErrorCodes.DISPLAYING_DELAYED && !fellBack()) {
                fallback("delayed: live market data is not subscribed (IB " + error.code() + ")");
            }
            return; // 10090 and other notices: the line keeps ticking
        }
        owner.lineEnded(this, error, IbCode.problem(error.code(), error.message()));
    }

    synchronized boolean fellBack() {
        return fallback != null;
    }

    void fallback(String reason) {
        synchronized (this) {
            fallback = reason;
        }
        changed();
    }

    /** The line ended at TWS for good: watchers are told and let go. */
    void fail(MarketDataException failure) {
        ended = true;
        for (QuoteListener watcher : List.copyOf(watchers)) {
            watcher.onFailure(failure);
        }
        watchers.clear();
    }

    boolean ended() {
        return ended;
    }

    synchronized Quote quote() {
        return quoteLocked();
    }

    private Quote quoteLocked() {
        return book.quote(fallback, stale, lastTickAt);
    }

    /**
     * Marks the line stale when it has been silent for {@code staleAfter} while its exchange is open (silence counts
     * from the session's start at the earliest), and not stale while the exchange is closed; the watchers get a quote
     * when the flag changes. True when it changed.
     */
    boolean checkStale(Instant now, Duration staleAfter) {
        Instant countsSince = sessions.silenceCountsSince(now);
        synchronized (this) {
            boolean silent = countsSince != null
                    && !(lastActivity.isAfter(countsSince) ? lastActivity : countsSince)
                            .plus(staleAfter)
                            .isAfter(now);
            if (silent == stale) {
                return false;
            }
            stale = silent;
        }
        changed();
        return true;
    }

    synchronized boolean stale() {
        return stale;
    }

    /** The line was (re)started at TWS: silence is measured from now. */
    synchronized void restarted(Instant now) {
        lastActivity = now;
    }

    // watchers: changed by the service under its own lock

    void add(QuoteListener watcher) {
        watchers.add(watcher);
        idleSince = null;
    }

    void remove(QuoteListener watcher, Instant now) {
        watchers.remove(watcher);
        if (watchers.isEmpty()) {
            idleSince = now;
        }
    }

    int watchers() {
        return watchers.size();
    }

    /** Unwatched since (null while watched). */
    Instant idleSince() {
        return idleSince;
    }

    /** The book changed: one quote goes out, unless one is asked for already and will carry this change too. */
    private void changed() {
        if (publishAsked.compareAndSet(false, true)) {
            try {
                publisher.execute(this::publish);
            } catch (RejectedExecutionException e) {
                publishAsked.set(false); // the gateway is stopping
            }
        }
    }

    /** On the publisher thread: the book as it is now, to every watcher. */
    private void publish() {
        publishAsked.set(false); // first: a change from now on asks again, so none is left out
        Quote quote;
        synchronized (this) {
            quote = quoteLocked();
        }
        for (QuoteListener watcher : watchers) {
            watcher.onQuote(quote);
        }
    }
}
