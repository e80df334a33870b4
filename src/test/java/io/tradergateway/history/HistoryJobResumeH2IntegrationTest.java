package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link HistoryJobResumeTests} on the embedded default (H2, file mode). */
class HistoryJobResumeH2IntegrationTest extends HistoryJobResumeTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
