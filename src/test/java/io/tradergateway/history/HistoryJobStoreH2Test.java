package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link HistoryJobStoreTests} on the embedded default (H2, file mode). */
class HistoryJobStoreH2Test extends HistoryJobStoreTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
