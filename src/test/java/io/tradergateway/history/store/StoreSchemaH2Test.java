package io.tradergateway.history.store;

import io.tradergateway.support.TestDatabase;

/** {@link StoreSchemaTests} on the embedded default (H2, file mode). */
class StoreSchemaH2Test extends StoreSchemaTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
