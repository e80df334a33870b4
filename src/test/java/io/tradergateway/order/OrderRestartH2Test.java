package io.tradergateway.order;

import io.tradergateway.support.TestDatabase;

/** {@link OrderRestartTests} on the embedded default (H2, file mode). */
class OrderRestartH2Test extends OrderRestartTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
