package io.tradergateway.history;

import io.tradergateway.support.TestDatabase;

/** {@link HistoryExportMemoryTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class HistoryExportMemoryPostgresTest extends HistoryExportMemoryTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
