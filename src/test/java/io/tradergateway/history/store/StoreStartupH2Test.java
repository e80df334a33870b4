package io.tradergateway.history.store;

import io.tradergateway.support.TestDatabase;

/** {@link StoreStartupTests} on the embedded default (H2, file mode). */
class StoreStartupH2Test extends StoreStartupTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
