package io.tradergateway.order;

import io.tradergateway.support.TestDatabase;

/** {@link OrderJournalTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class OrderJournalPostgresTest extends OrderJournalTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
