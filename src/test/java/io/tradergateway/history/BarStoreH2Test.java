package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link BarStoreTests} on the embedded default (H2, file mode). */
class BarStoreH2Test extends BarStoreTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
