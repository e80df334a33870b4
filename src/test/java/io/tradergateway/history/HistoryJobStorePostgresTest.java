package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link HistoryJobStoreTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class HistoryJobStorePostgresTest extends HistoryJobStoreTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
