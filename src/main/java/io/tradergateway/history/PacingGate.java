package io.tradergateway.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic of IB's pacing rules, with no threads and no clock of its own: given the requests already sent
 * (and the slots already promised to queued ones), when is the earliest moment a new request keeps every rule?
 *
 * <p>Every IB rule has the same shape: at most {@code max} weighted requests of one scope in any window of length
 * W (identical requests: scope = the whole request, max 1; bursts: scope = contract + exchange + tick type;
 * overall rate: one scope for all). So one check serves all three. Placing a request at t is allowed when every
 * window that contains t stays within its limit; the earliest such t is {@code from} or the moment an earlier
 * request leaves a window, so only those candidates are tried.
 *
 * <p>Not thread-safe: {@link HistoryPacer} guards it.
 */
final class PacingGate {

    /** What pacing needs to know of a request. */
    record Paced(Object identity, Object scope, WhatToShow whatToShow, long barSeconds) {
        Paced {
            Objects.requireNonNull(identity);
            Objects.requireNonNull(scope);
            Objects.requireNonNull(whatToShow);
        }
    }

    /**
     * A request's place in time: sent (at is when), being sent ({@code writing}: at is when its write began, and it
     * may reach TWS any time later, e.g. behind other messages in the 50-per-second message pacer) or reserved (at
     * is its promised slot).
     */
    static final class Mark {
        final Paced request;
        Instant at;
        boolean sent;
        boolean writing;

        Mark(Paced request, Instant at) {
            this.request = request;
            this.at = at;
        }
    }

    private enum Scope {
        IDENTICAL,
        BURST,
        RATE
    }

    private record Rule(Scope scope, Duration window, int max, boolean weighted) {}

    private final PacingRules rules;
    private final List<Rule> table;
    private final Duration longest;
    private final List<Mark> marks = new ArrayList<>();

    PacingGate(PacingRules rules) {
        this.rules = rules;
        this.table = List.of(
                new Rule(Scope.IDENTICAL, rules.identicalWindow().plus(rules.margin()), 1, false),
                new Rule(Scope.BURST, rules.burstWindow().plus(rules.margin()), rules.burstMax(), true),
                new Rule(Scope.RATE, rules.rateWindow().plus(rules.margin()), rules.rateMax(), true));
        this.longest = table.stream().map(Rule::window).max(Duration::compareTo).orElseThrow();
    }

    /** Whether the rules apply to this request at all (IB: bars up to 30 s). */
    boolean paced(Paced request) {
        return request.barSeconds() <= rules.appliesUpTo().toSeconds();
    }

    /**
     * The earliest instant at or after {@code from} at which {@code request} keeps every rule, counting sent
     * requests and, when {@code withReserved}, promised slots; {@code self} (its own mark) is not counted.
     */
    Instant earliest(Paced request, Instant from, boolean withReserved, Mark self) {
        if (!paced(request)) {
            return from;
        }
        Instant t = from;
        while (true) {
            Instant next = t;
            for (Rule rule : table) {
                next = max(next, earliest(rule, request, from, next, withReserved, self));
            }
            if (next.equals(t)) {
                return t;
            }
            t = next;
        }
    }

    Mark reserve(Paced request, Instant at) {
        Mark mark = new Mark(request, at);
        marks.add(mark);
        return mark;
    }

    /** The request's write to TWS begins at {@code at}; until {@link #sent} it counts as sent at every instant checked. */
    void sending(Mark mark, Instant at) {
        mark.at = at;
        mark.sent = true;
        mark.writing = true;
    }

    /** The request was written to TWS at {@code at}. */
    void sent(Mark mark, Instant at) {
        mark.at = at;
        mark.sent = true;
        mark.writing = false;
    }

    void release(Mark mark) {
        marks.remove(mark);
    }

    /** Forgets sent requests that can no longer affect any window. */
    void prune(Instant now) {
        Instant horizon = now.minus(longest);
        for (Iterator<Mark> it = marks.iterator(); it.hasNext(); ) {
            Mark mark = it.next();
            if (mark.sent && !mark.writing && mark.at.isBefore(horizon)) {
                it.remove();
            }
        }
    }

    int size() {
        return marks.size();
    }

    /** A mark as one rule sees it: where it counts and how much. */
    private record Placed(Instant at, int weight) {}

    /** {@code now}: the instant of the check (where writes under way count); {@code from}: the first candidate. */
    private Instant earliest(Rule rule, Paced request, Instant now, Instant from, boolean withReserved, Mark self) {
        int weight = rule.weighted ? request.whatToShow().pacingWeight(rules.bidAskWeight()) : 1;
        List<Placed> relevant = new ArrayList<>();
        for (Mark mark : marks) {
            if (mark != self && (mark.sent || withReserved) && paced(mark.request) && sameScope(rule, mark, request)) {
                // a write still under way reaches TWS now at the earliest: it counts at the instant of the check,
                // never earlier, so a request is never sent on the strength of a neighbour's too-early mark
                Instant at = mark.writing && mark.at.isBefore(now) ? now : mark.at;
                relevant.add(new Placed(
                        at, rule.weighted ? mark.request.whatToShow().pacingWeight(rules.bidAskWeight()) : 1));
            }
        }
        if (fits(rule, relevant, from, weight)) {
            return from;
        }
        relevant.sort((a, b) -> a.at.compareTo(b.at));
        for (Placed mark : relevant) {
            Instant candidate = mark.at.plus(rule.window);
            if (candidate.isAfter(from) && fits(rule, relevant, candidate, weight)) {
                return candidate;
            }
        }
        // unreachable: after the last mark leaves its window every window is empty
        return relevant.isEmpty() ? from : relevant.get(relevant.size() - 1).at.plus(rule.window);
    }

    /** Whether every window of the rule that contains t stays within the limit with this request added. */
    private static boolean fits(Rule rule, List<Placed> relevant, Instant t, int weight) {
        Instant lowest = t.minus(rule.window);
        // windows [s, s + W) containing t start in (t - W, t]; the fullest start at t or at a mark in that span
        if (load(rule, relevant, t) + weight > rule.max) {
            return false;
        }
        for (Placed start : relevant) {
            if (start.at.isAfter(lowest) && !start.at.isAfter(t)) {
                if (load(rule, relevant, start.at) + weight > rule.max) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Weighted requests in [s, s + W). */
    private static int load(Rule rule, List<Placed> relevant, Instant s) {
        Instant end = s.plus(rule.window);
        int load = 0;
        for (Placed mark : relevant) {
            if (!mark.at.isBefore(s) && mark.at.isBefore(end)) {
                load += mark.weight;
            }
        }
        return load;
    }

    private static boolean sameScope(Rule rule, Mark mark, Paced request) {
        return switch (rule.scope) {
            case IDENTICAL -> mark.request.identity().equals(request.identity());
            case BURST -> mark.request.scope().equals(request.scope());
            case RATE -> true;
        };
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
