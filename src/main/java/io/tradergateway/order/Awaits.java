package io.tradergateway.order;

import io.tradergateway.tws.TwsOutcomeUnknownException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for TWS's answer to an order command: its refusal is rethrown, silence is an unknown outcome. */
final class Awaits {

    private Awaits() {}

    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
}
