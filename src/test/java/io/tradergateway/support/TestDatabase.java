package io.tradergateway.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real database for a store test: the embedded default (H2 in file mode, as the gateway runs it) or the local
 * PostgreSQL that {@code .ci/postgres-up} starts. Each PostgreSQL instance works in a schema of its own (dropped
 * on close), so test classes and concurrent builds never see each other's rows.
 *
 * <p>PostgreSQL absent: the test is skipped with a message, unless {@code GATEWAY_TEST_PG_REQUIRED=1} (CI sets it
 * in {@code .ci/run}), which makes its absence a failure, so CI can never skip these tests silently.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind {
        H2,
        POSTGRES
    }

    private static final String PG_URL = env("GATEWAY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gateway_test");
    private static final String PG_USER = env("GATEWAY_TEST_PG_USER", "gateway");
    private static final String PG_PASSWORD = env("GATEWAY_TEST_PG_PASSWORD", "gateway");

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private TestDatabase(Kind kind, String url, String user, String password, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    public static TestDatabase of(Kind kind, Path dir) {
        return kind == Kind.H2 ? h2(dir) : postgres();
    }

    /** The embedded store under {@code dir}, with the URL options application.yml gives it. */
    public static TestDatabase h2(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/gateway"
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        return new TestDatabase(Kind.H2, url, "sa", "", null);
    }

    /** A fresh schema in the local PostgreSQL; skips (or fails, in CI) when there is none. */
    public static TestDatabase postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "no PostgreSQL at " + PG_URL + " as " + PG_USER + " (" + e.getMessage()
                    + "); run .ci/postgres-up as root to start one";
            if ("1".equals(System.getenv("GATEWAY_TEST_PG_REQUIRED"))) {
                Assertions.fail("GATEWAY_TEST_PG_REQUIRED=1 but " + why);
            }
            System.err.println("SKIPPED (PostgreSQL store tests): " + why);
            Assumptions.abort(why);
        }
        String sep = PG_URL.contains("?") ? "&" : "?";
        return new TestDatabase(Kind.POSTGRES, PG_URL + sep + "currentSchema=" + schema, PG_USER, PG_PASSWORD, schema);
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return new DriverManagerDataSource(url, user, password);
    }

    /** Applies the gateway's migrations, as Spring Boot does at start-up. */
    public TestDatabase migrate() {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return this;
    }

    /** The properties that point a gateway (test context or child JVM) at this database. */
    public Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        if (schema != null) {
            props.put("spring.flyway.schemas", schema);
        }
        return props;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
