package io.tradergateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradergateway.support.MutableClock;
import io.tradergateway.support.StoreTestBase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order journal on a real database (run by the H2 and PostgreSQL subclasses). */
abstract class OrderJournalTests extends StoreTestBase {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T15:00:00Z"));
    private JdbcOrderJournal journal;

    @BeforeEach
    void journal() {
        journal = new JdbcOrderJournal(db.dataSource(), clock);
    }

    private OrderJournal.Entry entry(String key, String hash, int orderId) {
        return new OrderJournal.Entry(
                key, hash, "body", null, "DU1111111", orderId, 0, "PendingSubmit", BigDecimal.ZERO, 0, clock.millis());
    }

    @Test
    void aKeyIsJournaledOnceAndASecondIntentWithItWritesNothing() {
        assertThat(journal.create(List.of(entry("k-1", "h1", 7), entry("k-1#tp", "h1", 8))))
                .isTrue();
        assertThat(journal.create(List.of(entry("k-1", "h2", 9), entry("k-9", "h2", 10))))
                .isFalse();

        assertThat(journal.find("k-1"))
                .get()
                .extracting(OrderJournal.Entry::bodyHash, OrderJournal.Entry::orderId)
                .containsExactly("h1", 7);
        assertThat(journal.find("k-9")).isEmpty(); // the failed intent left nothing behind
        assertThat(journal.highestOrderId()).isEqualTo(8);
    }

    @Test
    void theLastStateSeenAtTwsIsKeptAndLoadedBack() {
        journal.create(List.of(entry("k-2", "h", 11)));
        journal.update("k-2", 11, 1376327563L, "Filled", new BigDecimal("2.5"), 190.25);
        clock.advance(Duration.ofHours(1));

        List<OrderJournal.Entry> back =
                journal.since(clock.millis() - Duration.ofDays(1).toMillis());
        assertThat(back).hasSize(1);
        assertThat(back.get(0).status()).isEqualTo("Filled");
        assertThat(back.get(0).permId()).isEqualTo(1376327563L);
        assertThat(back.get(0).filled()).isEqualByComparingTo("2.5");
        assertThat(journal.since(clock.millis())).isEmpty();
    }

    @Test
    void theAuditTrailIsAppendOnlyAndNamesThePrincipalNotAKey() throws SQLException {
        journal.audit("api-client", "place", "k-3", 12, "BUY 1 AAPL", "Submitted");
        journal.audit("api-client", "cancel", "k-3", 12, "", "Cancelled");

        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT principal, command, outcome FROM order_audit ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("api-client");
            assertThat(rs.getString(2)).isEqualTo("place");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(3)).isEqualTo("Cancelled");
            assertThat(rs.next()).isFalse();
        }
    }
}
