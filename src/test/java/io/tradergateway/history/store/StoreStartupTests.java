package io.tradergateway.history.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.GatewayRun;
import io.tradergateway.support.StoreTestBase;
import io.tradergateway.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The gateway opens its store at start-up and Flyway brings it to the current schema exactly once: a second start
 * on the same database finds it migrated. Run against the embedded default and PostgreSQL by the subclasses.
 */
abstract class StoreStartupTests extends StoreTestBase {

    @Test
    void theGatewayMigratesItsStoreOnceAndFindsItAgainAfterARestart() {
        String[] props = {"gateway.data-dir=" + tempDir.resolve("data")};
        if (kind() == TestDatabase.Kind.H2) {
            db.close();
            db = TestDatabase.h2(tempDir.resolve("data")); // the default URL of application.yml, not migrated yet
        }
        int applied;
        try (GatewayRun first = GatewayRun.start(db, props)) {
            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            applied = count(jdbc);
            assertThat(applied).isPositive();
            jdbc.update("INSERT INTO history_series (con_id, bar_size, what_to_show, use_rth) VALUES (1, '1 min',"
                    + " 'TRADES', TRUE)");
        }
        if (kind() == TestDatabase.Kind.H2) {
            assertThat(tempDir.resolve("data").resolve("gateway.mv.db")).isRegularFile();
        }
        try (GatewayRun second = GatewayRun.start(db, props)) {
            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            assertThat(count(jdbc)).isEqualTo(applied);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM history_series", Integer.class))
                    .isEqualTo(1);
        }
    }

    private static int count(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL",
                Integer.class);
    }
}
