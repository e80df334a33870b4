package io.tradergateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
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
            run.bean(JdbcTemplate.class).execute("SHUTDOWN");
            Path moved = tempDir.resolve("data-moved");
            Files.move(data, moved);
            blockWithAFile(data); // H2 can neither find nor create its files now
            // a connection the pool (or the scheduler's poll) opened between SHUTDOWN and the move is still open on
            // the moved files: evict them all, so every connection from here on is a new one and must fail
            run.bean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
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

    /**
     * Puts a plain file where the store's directory was. The pool refills itself in the background after SHUTDOWN,
     * and H2 creates a missing directory when it opens a database, so a fresh empty directory may appear between
     * the move and the write (CI run of def430a: "Is a directory"): move each such one aside and try again.
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
