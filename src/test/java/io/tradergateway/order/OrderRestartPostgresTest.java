package io.tradergateway.order;

import io.tradergateway.support.TestDatabase;

/** {@link OrderRestartTests} on PostgreSQL (skipped without a server, unless GATEWAY_TEST_PG_REQUIRED=1). */
class OrderRestartPostgresTest extends OrderRestartTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
