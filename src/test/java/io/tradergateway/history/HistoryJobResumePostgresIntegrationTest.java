package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link HistoryJobResumeTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class HistoryJobResumePostgresIntegrationTest extends HistoryJobResumeTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
