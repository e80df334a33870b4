package io.tradergateway.history.store;

import io.tradergateway.support.TestDatabase;

/** {@link StoreSchemaTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class StoreSchemaPostgresTest extends StoreSchemaTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
