package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TimescaleDB where present (issue 14): on PostgreSQL with the timescaledb extension available
 * (pg_available_extensions), history_bars becomes a hypertable partitioned on bar_time (epoch seconds, 30-day
 * chunks; its primary key already holds bar_time, as TimescaleDB requires). Everywhere else (H2, plain
 * PostgreSQL, or a role that may not create the extension) it does nothing, so one migration history serves all.
 * A Java migration because the decision needs the server's answer, and H2 has no DO blocks. It lives in Flyway's
 * conventional package db.migration, found by the same {@code classpath:db/migration} location as the SQL files.
 */
public class V4__history_bars_hypertable extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V4__history_bars_hypertable.class);

    /** 30 days, in the unit of bar_time (seconds). */
    static final long CHUNK_SECONDS = 30L * 24 * 3600;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return; // H2 reports "H2", even in its PostgreSQL mode
        }
        if (!timescaleAvailable(connection)) {
            log.info(
                    "history store: timescaledb is not available on this PostgreSQL; history_bars stays a plain table");
            return;
        }
        Savepoint before = connection.setSavepoint();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            s.execute("SELECT create_hypertable('history_bars', 'bar_time', chunk_time_interval => " + CHUNK_SECONDS
                    + ", migrate_data => TRUE, if_not_exists => TRUE)");
            connection.releaseSavepoint(before);
            log.info("history store: history_bars is a TimescaleDB hypertable");
        } catch (SQLException e) {
            // e.g. timescaledb not in shared_preload_libraries, or no right to create extensions: still a store
            connection.rollback(before);
            log.warn(
                    "history store: timescaledb is available but could not be used ({}); history_bars stays a plain"
                            + " table",
                    e.getMessage());
        }
    }

    static boolean timescaleAvailable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'timescaledb'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }
}
