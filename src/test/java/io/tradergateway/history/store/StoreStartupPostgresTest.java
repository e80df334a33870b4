package io.tradergateway.history.store;

import io.tradergateway.support.TestDatabase;

/** {@link StoreStartupTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class StoreStartupPostgresTest extends StoreStartupTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
