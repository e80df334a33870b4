package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.tradergateway.support.GatewayRun;
import io.tradergateway.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link HistoryStoreIntegrationTests} on the embedded default (H2, file mode), and what a lost store answers. */
class HistoryStoreH2IntegrationTest extends HistoryStoreIntegrationTests {
    @Override
    protected TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }

    /** The database goes away under a running gateway (its files vanish): 503 store-unavailable with Retry-After. */
    @Test
    void aLostStoreIs503StoreUnavailableWithRetryAfter() throws Exception {
        Path data = tempDir.resolve("data");
        db.close();
        db = TestDatabase.h2(data);
        String msft =
                "/api/v1/history?conId=272093&barSize=1%20hour&start=2026-03-02T00:00:00Z&end=2026-03-03T00:00:00Z";
        try (GatewayRun run = start()) {
            HikariPoolMXBean pool = run.bean(HikariDataSource.class).getHikariPoolMXBean();
            // The pool fills itself up in the background after start: wait until it is full, so that no connection
            // opens while the files move. Then take the files away (H2 keeps its open database on them), put a plain
            // file in their place, and shut the database down: every connection from here on must open it anew,
            // and H2 can neither find nor create the store. (Shut down first, and a connection opened before the
            // move would have re-opened it and kept working on the moved files.)
            awaitFull(run, pool);
            Path moved = tempDir.resolve("data-moved");
            Files.move(data, moved);
            blockWithAFile(data);
            run.bean(JdbcTemplate.class).execute("SHUTDOWN");
            HttpResponse<String> down = run.http().get(msft);
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.body())
                    .contains("urn:trader-gateway:problem:store-unavailable")
                    .doesNotContain("Exception", "jdbc:", "h2");
            assertThat(down.headers().firstValue("Retry-After")).hasValue("5");

            Files.delete(data);
            Files.move(moved, data);
        }
    }

    private static void awaitFull(GatewayRun run, HikariPoolMXBean pool) throws InterruptedException {
        int size = run.bean(HikariDataSource.class).getMaximumPoolSize();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (pool.getTotalConnections() < size) {
            assertThat(System.nanoTime())
                    .as("the pool never filled to %d", size)
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /**
     * Puts a plain file where the store's directory was. H2 re-creates a missing directory when it opens a database or
     * writes its trace file, so a fresh directory may appear between the move and the write (CI run of def430a:
     * "Is a directory"): move each such one aside and try again.
     */
    private void blockWithAFile(Path data) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.writeString(data, "not a directory", StandardOpenOption.CREATE_NEW);
                return;
            } catch (FileAlreadyExistsException recreated) {
                assertThat(attempt).as("the store directory keeps coming back").isLessThan(100);
                Files.move(data, tempDir.resolve("data-recreated-" + attempt));
            }
        }
    }
}
