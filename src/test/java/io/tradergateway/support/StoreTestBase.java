package io.tradergateway.support;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of every store test: each test gets a fresh, migrated database of the kind its subclass names, so the
 * same assertions run against the embedded default (subclass {@code ...H2Test}) and PostgreSQL ({@code
 * ...PostgresTest}, skipped locally without a server, required in CI).
 */
public abstract class StoreTestBase {

    @TempDir
    protected Path tempDir;

    protected TestDatabase db;

    protected abstract TestDatabase.Kind kind();

    public TestDatabase database() {
        return db;
    }

    public Path dir() {
        return tempDir;
    }

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.of(kind(), tempDir.resolve("store-" + UUID.randomUUID()))
                .migrate();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
