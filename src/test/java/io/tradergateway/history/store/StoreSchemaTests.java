package io.tradergateway.history.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradergateway.support.StoreTestBase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one schema, migrated by Flyway, behaves the same on both databases (run by the H2 and PostgreSQL subclasses). */
abstract class StoreSchemaTests extends StoreTestBase {

    @Test
    void migrationsAreAppliedOnceAndAgainIsANoOp() throws SQLException {
        db.migrate();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            assertThat(versions).startsWith("1").doesNotHaveDuplicates();
            assertThat(versions).hasSizeGreaterThanOrEqualTo(1);
        }
    }

    /**
     * V4 makes history_bars a TimescaleDB hypertable only where the extension is available; TimescaleDB cannot be
     * installed here (Debian's PostgreSQL has no package for it), so on H2 and plain PostgreSQL this proves the
     * migration applied and changed nothing, and on a server that offers TimescaleDB that the table is a hypertable.
     */
    @Test
    void theHypertableMigrationAppliesEverywhereAndChangesNothingWithoutTimescale() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("SELECT success FROM flyway_schema_history WHERE version = '4' AND type = 'JDBC'")) {
                assertThat(rs.next()).as("V4 is a Java migration, applied").isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM history_bars")) {
                    assertThat(rs.next()).isTrue(); // still the plain table V1 made
                }
                return;
            }
            boolean available;
            try (ResultSet rs =
                    s.executeQuery("SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'timescaledb'")) {
                rs.next();
                available = rs.getInt(1) > 0;
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_extension WHERE extname = 'timescaledb'")) {
                rs.next();
                assertThat(rs.getInt(1) > 0).as("timescaledb installed").isEqualTo(available);
            }
            if (available) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM timescaledb_information.hypertables"
                        + " WHERE hypertable_schema = current_schema() AND hypertable_name = 'history_bars'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("history_bars is a hypertable").isEqualTo(1);
                }
            } else {
                try (ResultSet rs = s.executeQuery(
                        "SELECT c.relkind FROM pg_class c JOIN pg_namespace n"
                                + " ON n.oid = c.relnamespace WHERE c.relname = 'history_bars' AND n.nspname = current_schema()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("an ordinary table").isEqualTo("r");
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void aBarWrittenTwiceIsRefusedByTheKeyAndTheFirstKeepsItsExactValues() throws SQLException {
        try (Connection c = db.connect()) {
            long series = series(c);
            String insert = "INSERT INTO history_bars (series_id, bar_time, open_price, high_price, low_price,"
                    + " close_price, volume, wap, bar_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"; // no ON CONFLICT
            for (int i = 0; i < 2; i++) {
                try (PreparedStatement p = c.prepareStatement(insert)) {
                    p.setLong(1, series);
                    p.setLong(2, 1_767_000_000L);
                    p.setDouble(3, 190.12);
                    p.setDouble(4, 190.55);
                    p.setDouble(5, 189.98);
                    p.setDouble(6, 190.4 + i); // the second write differs: it must not replace the first
                    p.setBigDecimal(7, new BigDecimal("12034.5"));
                    p.setBigDecimal(8, new BigDecimal("190.27"));
                    p.setInt(9, 311);
                    if (i == 0) {
                        assertThat(p.executeUpdate()).isEqualTo(1);
                    } else { // the primary key refuses the second: BarStore's NOT EXISTS relies on it
                        assertThatThrownBy(p::executeUpdate).isInstanceOf(SQLException.class);
                    }
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT close_price, volume, wap, bar_count FROM history_bars")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isEqualTo(190.4);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12034.5");
                assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("190.27");
                assertThat(rs.getInt(4)).isEqualTo(311);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void aSeriesIsUniquePerContractBarSizeWhatToShowAndRth() throws SQLException {
        try (Connection c = db.connect()) {
            series(c);
            assertThatThrownBy(() -> series(c)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void anEmptyOrReversedCoveredRangeIsRefused() throws SQLException {
        try (Connection c = db.connect()) {
            long series = series(c);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO history_covered (series_id, range_from, range_to) VALUES (?, ?, ?)")) {
                p.setLong(1, series);
                p.setLong(2, 100);
                p.setLong(3, 100);
                assertThatThrownBy(p::executeUpdate).isInstanceOf(SQLException.class);
            }
        }
    }

    private static long series(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO history_series (con_id, bar_size, what_to_show, use_rth) VALUES (?, ?, ?, ?)",
                new String[] {"id"})) {
            p.setInt(1, 265598);
            p.setString(2, "1 min");
            p.setString(3, "TRADES");
            p.setBoolean(4, true);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
