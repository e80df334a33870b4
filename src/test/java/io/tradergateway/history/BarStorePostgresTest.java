package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link BarStoreTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class BarStorePostgresTest extends BarStoreTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
