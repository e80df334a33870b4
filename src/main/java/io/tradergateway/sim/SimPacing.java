package io.tradergateway.sim;

import io.tradergateway.tws.wire.ReqHistoricalData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enforces IB's historical-data pacing the way TWS does (IB's "historical data limitations", see IB-FACTS.md):
 * for bars up to 30 s, an identical request within 15 s, six or more requests for the same contract, exchange and
 * tick type within 2 s, or more than 60 requests in 10 minutes is a violation, answered with error 162; BID_ASK
 * counts twice. Every violation is counted, so tests and benchmarks can assert that none happened. The windows
 * can be scaled down (e.g. 10 minutes to 10 s) so that those runs take seconds, not hours.
 */
final class SimPacing {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimPacing.class);

    static final String VIOLATION =
            "Historical Market Data Service error message:Historical data request pacing violation";

    /** The rules; {@link #ib()} are IB's. */
    record Rules(
            Duration identicalWindow,
            Duration burstWindow,
            int burstMax,
            Duration rateWindow,
            int rateMax,
            long appliesUpToBarSeconds,
            int bidAskWeight) {

        static Rules ib() {
            return new Rules(Duration.ofSeconds(15), Duration.ofSeconds(2), 5, Duration.ofMinutes(10), 60, 30, 2);
        }

        /** Every window multiplied by {@code factor} (limits unchanged). */
        Rules scaled(double factor) {
            return new Rules(
                    scale(identicalWindow, factor),
                    scale(burstWindow, factor),
                    burstMax,
                    scale(rateWindow, factor),
                    rateMax,
                    appliesUpToBarSeconds,
                    bidAskWeight);
        }

        private static Duration scale(Duration window, double factor) {
            return Duration.ofNanos(Math.round(window.toNanos() * factor));
        }
    }

    private record Seen(Instant at, String identity, String scope, int weight) {}

    private volatile Rules rules = Rules.ib();
    private final Deque<Seen> seen = new ArrayDeque<>();
    private final AtomicInteger violations = new AtomicInteger();

    void rules(Rules value) {
        rules = Objects.requireNonNull(value);
    }

    Rules rules() {
        return rules;
    }

    /** Counts a violation found elsewhere (the 50-open rule lives with the requests in SimHistory). */
    void countViolation() {
        violations.incrementAndGet();
    }

    int violations() {
        return violations.get();
    }

    /**
     * Records a request received at {@code now}; returns true when it breaks a rule (then TWS answers 162 and the
     * request is not served, but it still counts, as at IB).
     */
    synchronized boolean violates(ReqHistoricalData request, long barSeconds, Instant now) {
        Rules r = rules;
        if (barSeconds > r.appliesUpToBarSeconds()) {
            return false;
        }
        String scope = request.conId() + "|" + request.symbol() + "|" + request.exchange() + "|" + request.whatToShow();
        String identity = scope + "|" + request.barSize() + "|" + request.duration() + "|" + request.endDateTime() + "|"
                + request.useRth();
        int weight = request.whatToShow().equals("BID_ASK") ? r.bidAskWeight() : 1;
        Duration longest = max(r.identicalWindow(), max(r.burstWindow(), r.rateWindow()));
        for (Iterator<Seen> it = seen.iterator(); it.hasNext(); ) {
            if (!it.next().at().isAfter(now.minus(longest))) {
                it.remove();
            }
        }
        List<Seen> sameRequest = new ArrayList<>();
        List<Seen> sameScope = new ArrayList<>();
        List<Seen> all = new ArrayList<>();
        for (Seen s : seen) { // oldest first
            if (s.at().isAfter(now.minus(r.identicalWindow())) && s.identity().equals(identity)) {
                sameRequest.add(s);
            }
            if (s.at().isAfter(now.minus(r.burstWindow())) && s.scope().equals(scope)) {
                sameScope.add(s);
            }
            if (s.at().isAfter(now.minus(r.rateWindow()))) {
                all.add(s);
            }
        }
        seen.addLast(new Seen(now, identity, scope, weight));
        List<String> broken = new ArrayList<>();
        if (!sameRequest.isEmpty()) { // every identical one must have left the window: the latest leaves last
            Duration by = Duration.between(
                    now, sameRequest.get(sameRequest.size() - 1).at().plus(r.identicalWindow()));
            broken.add("identical within " + r.identicalWindow().toMillis() + " ms, " + by.toMillis() + " ms early");
        }
        early(sameScope, weight, r.burstMax(), r.burstWindow(), now)
                .ifPresent(by -> broken.add("burst weight "
                        + (weight + sum(sameScope)) + "/" + r.burstMax() + " in "
                        + r.burstWindow().toMillis() + " ms, "
                        + by.toMillis() + " ms early"));
        early(all, weight, r.rateMax(), r.rateWindow(), now)
                .ifPresent(by -> broken.add("rate weight "
                        + (weight + sum(all)) + "/" + r.rateMax() + " in "
                        + r.rateWindow().toMillis() + " ms, "
                        + by.toMillis() + " ms early"));
        if (broken.isEmpty()) {
            return false;
        }
        violations.incrementAndGet();
        // how early says what kind of fault it is: a few ms is stamping jitter (a stalled reader), more is pacing
        log.warn("simulator: pacing violation by {} at {}: {}", identity, now, String.join("; ", broken));
        return true;
    }

    /**
     * How much too early a request of {@code weight} came, given the earlier ones still in its window (oldest
     * first): it would have kept the rule once enough of the oldest had left the window; empty when it kept it.
     */
    private static Optional<Duration> early(List<Seen> inWindow, int weight, int max, Duration window, Instant now) {
        int load = weight + sum(inWindow);
        for (Seen s : inWindow) {
            if (load <= max) {
                break;
            }
            load -= s.weight();
            if (load <= max) {
                return Optional.of(Duration.between(now, s.at().plus(window)));
            }
        }
        return load > max ? Optional.of(Duration.between(now, now.plus(window))) : Optional.empty();
    }

    private static int sum(List<Seen> seen) {
        return seen.stream().mapToInt(Seen::weight).sum();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
