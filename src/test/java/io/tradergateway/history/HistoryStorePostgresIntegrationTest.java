package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link HistoryStoreIntegrationTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class HistoryStorePostgresIntegrationTest extends HistoryStoreIntegrationTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
