package io.tradergateway.order;

import io.tradergateway.tws.TwsOutcomeUnknownException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for TWS's answer to an order command, with deadlines on the injected clock (not the wall clock): a
 * checker looks at the clock every {@link #CHECK} and fails the waits whose deadline it has passed, so a test that
 * moves the clock by hand sees the timeout at once and one that does not never sees it. TWS's refusal is rethrown;
 * silence is an unknown outcome.
 */
final class Awaits implements AutoCloseable {

    /** How often the clock is looked at: the resolution of a deadline, not a timeout. */
    static final Duration CHECK = Duration.ofMillis(25);

    private final Clock clock;
    private final ScheduledExecutorService checker;
    private final Map<CompletableFuture<?>, Instant> waits = new ConcurrentHashMap<>();

    Awaits(Clock clock) {
        this.clock = clock;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "order-deadlines");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(this::expire, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The instant, on the injected clock, {@code timeout} from now. */
    Instant deadline(Duration timeout) {
        return clock.instant().plus(timeout);
    }

    /**
     * The value of {@code future} once it completes, or {@link TimeoutException} once the clock reaches {@code
     * deadline}; the future itself is left as it is (TWS may still answer it later).
     */
    <T> T get(CompletableFuture<T> future, Instant deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        CompletableFuture<T> timed = new CompletableFuture<>();
        future.whenComplete((value, error) -> {
            if (error != null) {
                timed.completeExceptionally(error);
            } else {
                timed.complete(value);
            }
        });
        waits.put(timed, deadline);
        expire(); // a deadline already passed fails now
        try {
            return timed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException timeout) {
                throw timeout;
            }
            throw e;
        } finally {
            waits.remove(timed);
        }
    }

    /** {@link #get} with a deadline {@code timeout} from now; a refusal is rethrown, silence is outcome-unknown. */
    <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return get(future, deadline(timeout));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TwsOutcomeUnknownException(what, e.getCause().toString());
        } catch (TimeoutException e) {
            throw new TwsOutcomeUnknownException(what, "TWS did not answer in " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwsOutcomeUnknownException(what, "interrupted");
        }
    }

    private void expire() {
        Instant now = clock.instant();
        waits.forEach((wait, deadline) -> {
            if (!now.isBefore(deadline)) {
                wait.completeExceptionally(new TimeoutException("deadline " + deadline + " passed"));
            }
        });
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
