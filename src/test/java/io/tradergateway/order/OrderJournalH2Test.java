package io.tradergateway.order;

import io.tradergateway.support.TestDatabase;

/** {@link OrderJournalTests} on the embedded default (H2, file mode). */
class OrderJournalH2Test extends OrderJournalTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
