package io.tradergateway.account;

import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsSubscription;
import io.tradergateway.tws.wire.ReqAccountUpdates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which account the one reqAccountUpdates stream follows. TWS serves ONE account at a time per client, so with
 * several accounts the stream rotates: it stays on an account for {@code gateway.accounts.portfolio-dwell}
 * after that account's download, then moves to the next; an account a client asked for that has no portfolio
 * yet goes first. With one account nothing moves. Runs its checks on its own {@code account-focus} thread.
 */
final class PortfolioFocus {

    private static final Logger log = LoggerFactory.getLogger(PortfolioFocus.class);

    private final TwsClient connection;
    private final AccountsProperties settings;
    private final Clock clock;
    private final Function<String, AccountStreams.PortfolioTables> portfolio;
    private final Object focusLock = new Object();

    // guarded by focusLock
    private ScheduledExecutorService focusThread; // one per start (contexts can be paused)
    private volatile List<String> knownAccounts = List.of();
    private String focused;
    private Instant visitComplete; // when the focused account's download of this visit ended
    private final Set<String> requested = new LinkedHashSet<>();
    private boolean running;

    PortfolioFocus(
            TwsClient connection,
            AccountsProperties settings,
            Clock clock,
            Function<String, AccountStreams.PortfolioTables> portfolio) {
        this.connection = connection;
        this.settings = settings;
        this.clock = clock;
        this.portfolio = portfolio;
    }

    /** Starts checking the focus; false if it was running already. */
    boolean start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-focus");
            t.setDaemon(true);
            return t;
        });
        synchronized (focusLock) {
            if (running) {
                thread.shutdown();
                return false;
            }
            running = true;
            focusThread = thread;
        }
        long every = Math.max(10, settings.focusCheckInterval().toMillis());
        thread.scheduleWithFixedDelay(this::checkFocusSafely, every, every, TimeUnit.MILLISECONDS);
        return true;
    }

    void stop() {
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

    boolean isRunning() {
        synchronized (focusLock) {
            return running;
        }
    }

    List<String> knownAccounts() {
        return knownAccounts;
    }

    void knownAccounts(List<String> accounts) {
        knownAccounts = List.copyOf(accounts);
        executeQuietly(this::checkFocusSafely);
    }

    /** The account the stream is on, or null. */
    String focused() {
        synchronized (focusLock) {
            return focused;
        }
    }

    /** An account's download ended: its visit's dwell starts now if the stream is on it. */
    void downloadEnded(String account) {
        synchronized (focusLock) {
            if (account.equals(focused)) {
                visitComplete = clock.instant();
            }
        }
    }

    /** The connection stopped being usable: the current visit does not count as complete. */
    void interrupted() {
        synchronized (focusLock) {
            visitComplete = null;
        }
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
            connection.unsubscribe(AccountStreams.PORTFOLIO); // reqAccountUpdates(false, previous)
            portfolio.apply(previous).interrupted();
        }
        log.debug("portfolio stream moves from {} to {}", previous, next);
        connection.subscribe(new TwsSubscription(
                AccountStreams.PORTFOLIO,
                reqId -> {
                    portfolio.apply(next).restart();
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
                    && !portfolio.apply(wanted).rows().snapshot().synced()) {
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
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }
}
