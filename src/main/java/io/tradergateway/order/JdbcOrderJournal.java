package io.tradergateway.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link OrderJournal} on the gateway's database (tables order_journal, order_audit; migration V2). */
public class JdbcOrderJournal implements OrderJournal {

    private static final int TEXT_LIMIT = 2000;
    private static final RowMapper<Entry> ROW = (rs, n) -> new Entry(
            rs.getString("idem_key"),
            rs.getString("body_hash"),
            rs.getString("body"),
            rs.getString("parent_key"),
            rs.getString("account"),
            rs.getInt("order_id"),
            rs.getLong("perm_id"),
            rs.getString("status"),
            rs.getBigDecimal("filled"),
            rs.getDouble("avg_price"),
            rs.getLong("created_at"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public JdbcOrderJournal(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    @Override
    public Optional<Entry> find(String key) {
        return jdbc.query("SELECT * FROM order_journal WHERE idem_key = ?", ROW, key).stream()
                .findFirst();
    }

    @Override
    public boolean create(List<Entry> entries) {
        try {
            tx.executeWithoutResult(status -> {
                for (Entry e : entries) {
                    jdbc.update(
                            "INSERT INTO order_journal (idem_key, body_hash, body, parent_key, account, order_id,"
                                    + " perm_id, status, filled, avg_price, created_at, updated_at)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            e.key(),
                            e.bodyHash(),
                            e.body(),
                            e.parentKey(),
                            e.account(),
                            e.orderId(),
                            e.permId(),
                            e.status(),
                            e.filled(),
                            e.avgPrice(),
                            e.createdAt(),
                            e.createdAt());
                }
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void update(String key, int orderId, long permId, String status, BigDecimal filled, double avgPrice) {
        jdbc.update(
                "UPDATE order_journal SET order_id = ?, perm_id = ?, status = ?, filled = ?, avg_price = ?,"
                        + " updated_at = ? WHERE idem_key = ?",
                orderId,
                permId,
                status,
                filled,
                avgPrice,
                clock.millis(),
                key);
    }

    @Override
    public List<Entry> since(long sinceMillis) {
        return jdbc.query(
                "SELECT * FROM order_journal WHERE created_at >= ? ORDER BY created_at, order_id", ROW, sinceMillis);
    }

    @Override
    public int highestOrderId() {
        Integer max = jdbc.queryForObject("SELECT MAX(order_id) FROM order_journal", Integer.class);
        return max == null ? 0 : max;
    }

    @Override
    public void audit(String principal, String command, String key, Integer orderId, String detail, String outcome) {
        jdbc.update(
                "INSERT INTO order_audit (at_millis, principal, command, idem_key, order_id, detail, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                clock.millis(),
                cut(principal, 64),
                command,
                key,
                orderId,
                cut(detail, TEXT_LIMIT),
                cut(outcome, TEXT_LIMIT));
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
