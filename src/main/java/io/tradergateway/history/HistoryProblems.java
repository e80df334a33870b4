package io.tradergateway.history;

import io.tradergateway.web.ProblemTypes;
import java.net.URI;

/** The problem types of the history endpoint (stable: clients switch on them). */
final class HistoryProblems {

    static final URI INVALID_BAR_SIZE = ProblemTypes.of("invalid-bar-size");
    static final URI INVALID_DURATION = ProblemTypes.of("invalid-duration");
    static final URI INVALID_WHAT_TO_SHOW = ProblemTypes.of("invalid-what-to-show");
    static final URI INVALID_RANGE = ProblemTypes.of("invalid-range");
    static final URI PACING_LIMITED = ProblemTypes.of("pacing-limited");
    static final URI NO_DATA = ProblemTypes.of("history-no-data");
    static final URI NO_PERMISSION = ProblemTypes.of("history-no-permission");
    static final URI CANCELLED = ProblemTypes.of("history-cancelled");
    static final URI REJECTED = ProblemTypes.of("history-rejected");
    static final URI BUSY = ProblemTypes.of("history-busy");

    private HistoryProblems() {}
}
