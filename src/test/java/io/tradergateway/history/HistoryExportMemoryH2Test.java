package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link HistoryExportMemoryTests} on the embedded default (H2, file mode). */
class HistoryExportMemoryH2Test extends HistoryExportMemoryTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
