package io.tradergateway.marketdata;

import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsSubscription;
import io.tradergateway.tws.wire.CancelPnL;
import io.tradergateway.tws.wire.CancelPnLSingle;
import io.tradergateway.tws.wire.MessageWriter;
import io.tradergateway.tws.wire.PnL;
import io.tradergateway.tws.wire.PnLSingle;
import io.tradergateway.tws.wire.ReqPnL;
import io.tradergateway.tws.wire.ReqPnLSingle;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Account PnL (reqPnL) and one position's PnL (reqPnLSingle), only while somebody watches: one TWS subscription per
 * account or position however many watchers, cancelled when the last one leaves, so the subscriptions are bounded by
 * who is watching (and by {@code max-lines}, which they share with quotes as TWS's own budget of streams does not).
 */
public class PnlService {

    private final TwsClient tws;
    private final Clock clock;
    private final int maxSubscriptions;
    private final Map<String, Feed> feeds = new HashMap<>();

    private final class Feed {
        final Set<Consumer<Pnl>> watchers = new CopyOnWriteArraySet<>();
        final String account;
        final int conId;
        volatile Pnl last;

        Feed(String account, int conId) {
            this.account = account;
            this.conId = conId;
        }

        void onMessage(ServerMessage message) {
            Pnl pnl = null;
            if (message instanceof PnL p) {
                pnl = new Pnl(
                        account, null, v(p.daily()), v(p.unrealized()), v(p.realized()), null, null, clock.instant());
            } else if (message instanceof PnLSingle p) {
                pnl = new Pnl(
                        account,
                        conId,
                        v(p.daily()),
                        v(p.unrealized()),
                        v(p.realized()),
                        p.position(),
                        v(p.value()),
                        clock.instant());
            }
            if (pnl != null) {
                last = pnl;
                for (Consumer<Pnl> watcher : watchers) {
                    watcher.accept(pnl);
                }
            }
        }
    }

    public PnlService(TwsClient tws, Clock clock, int maxSubscriptions) {
        this.tws = tws;
        this.clock = clock;
        this.maxSubscriptions = maxSubscriptions;
    }

    /** A watch on an account's PnL ({@code conId} 0) or one position's; the latest value goes to the watcher. */
    /** A watcher's hold on a PnL subscription; closing the last one cancels it at TWS. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    public Hold watch(String account, int conId, Consumer<Pnl> watcher) {
        String key = "pnl:" + account + (conId == 0 ? "" : ":" + conId);
        Feed feed;
        synchronized (feeds) {
            feed = feeds.get(key);
            if (feed == null) {
                if (feeds.size() >= maxSubscriptions) {
                    throw MarketDataException.linesExhausted(
                            maxSubscriptions,
                            "All " + maxSubscriptions
                                    + " PnL subscriptions are watched (gateway.market-data.max-lines)",
                            java.time.Duration.ofSeconds(5));
                }
                Feed created = new Feed(account, conId);
                feed = created;
                feeds.put(key, feed);
                tws.subscribe(new TwsSubscription(
                        key,
                        reqId -> conId == 0
                                ? new ReqPnL(reqId, account, "")
                                : new ReqPnLSingle(reqId, account, "", conId),
                        reqId -> conId == 0 ? new CancelPnL(reqId) : new CancelPnLSingle(reqId),
                        created::onMessage));
            }
            feed.watchers.add(watcher);
        }
        Feed held = feed;
        return () -> {
            synchronized (feeds) {
                held.watchers.remove(watcher);
                if (held.watchers.isEmpty() && feeds.remove(key, held)) {
                    tws.unsubscribe(key);
                }
            }
        };
    }

    /** The latest PnL of a watched account or position, or null. */
    public Pnl latest(String account, int conId) {
        synchronized (feeds) {
            Feed feed = feeds.get("pnl:" + account + (conId == 0 ? "" : ":" + conId));
            return feed == null ? null : feed.last;
        }
    }

    /** PnL subscriptions open at TWS. */
    public int open() {
        synchronized (feeds) {
            return feeds.size();
        }
    }

    private static Double v(double value) {
        return value == MessageWriter.UNSET_DOUBLE ? null : value;
    }
}
