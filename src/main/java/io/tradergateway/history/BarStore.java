package io.tradergateway.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable history store: final bars per series (contract, bar size, whatToShow, useRth) and the ranges TWS has
 * answered for, on whatever database the datasource names (embedded H2 or PostgreSQL, one schema). A bar is
 * written once (a second write of the same series and time is a no-op), and a recorded range is merged with the
 * ranges it overlaps or touches in the same transaction, under a lock on the series row, so two gateways sharing
 * one PostgreSQL keep one consistent picture. Failures surface as Spring's DataAccessException (503 upstream).
 */
public class BarStore {

    /** What a series is keyed by. */
    public record Series(int conId, BarSize barSize, WhatToShow whatToShow, boolean useRth) {}

    /** A half-open range [from, to). */
    public record Span(Instant from, Instant to) {
        public Span {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("empty span " + from + " .. " + to);
            }
        }

        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ConcurrentMap<Series, Long> ids = new ConcurrentHashMap<>();

    public BarStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The id of a series, created on first use (concurrent creators, here or in another replica, agree). */
    public long seriesId(Series s) {
        Long known = ids.get(s);
        if (known != null) {
            return known;
        }
        Object[] key = {s.conId(), s.barSize().ibName(), s.whatToShow().name(), s.useRth()};
        String where = " WHERE con_id = ? AND bar_size = ? AND what_to_show = ? AND use_rth = ?";
        List<Long> found = jdbc.queryForList("SELECT id FROM history_series" + where, Long.class, key);
        if (found.isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO history_series (con_id, bar_size, what_to_show, use_rth) VALUES (?, ?, ?, ?)",
                        key);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another writer (or replica) created the series meanwhile: read its id below
            }
            found = jdbc.queryForList("SELECT id FROM history_series" + where, Long.class, key);
        }
        long id = found.get(0);
        ids.put(s, id);
        return id;
    }

    /** The recorded ranges that overlap [from, to), in time order (not clipped). */
    public List<Span> covered(long series, Instant from, Instant to) {
        return jdbc.query(
                "SELECT range_from, range_to FROM history_covered WHERE series_id = ? AND range_from < ? AND range_to > ?"
                        + " ORDER BY range_from",
                (rs, i) -> new Span(Instant.ofEpochSecond(rs.getLong(1)), Instant.ofEpochSecond(rs.getLong(2))),
                series,
                to.getEpochSecond(),
                from.getEpochSecond());
    }

    /** The parts of [from, to) no recorded range covers, in time order. */
    public List<Span> gaps(long series, Instant from, Instant to) {
        List<Span> gaps = new ArrayList<>();
        Instant at = from;
        for (Span c : covered(series, from, to)) {
            if (c.from().isAfter(at)) {
                gaps.add(new Span(at, c.from()));
            }
            if (c.to().isAfter(at)) {
                at = c.to();
            }
        }
        if (at.isBefore(to)) {
            gaps.add(new Span(at, to));
        }
        return gaps;
    }

    /**
     * Keeps the bars (all final, all inside {@code span}) and records {@code span} as answered, in one
     * transaction. Returns how many bars were new.
     */
    public int record(long series, List<HistoryBar> bars, Span span) {
        Integer added = tx.execute(status -> {
            jdbc.queryForList("SELECT id FROM history_series WHERE id = ? FOR UPDATE", Long.class, series);
            int n = insert(series, bars);
            merge(series, span);
            return n;
        });
        return added == null ? 0 : added;
    }

    private int insert(long series, List<HistoryBar> bars) {
        int added = 0;
        for (int start = 0; start < bars.size(); start += BATCH) {
            List<HistoryBar> batch = bars.subList(start, Math.min(bars.size(), start + BATCH));
            int[][] counts = jdbc.batchUpdate(
                    // plain SQL, not ON CONFLICT (H2 parses that only in a session whose PostgreSQL mode took,
                    // which a connection opened while the file database was opening could miss); race-free as
                    // every writer of the series holds its row lock (record)
                    "INSERT INTO history_bars (series_id, bar_time, open_price, high_price, low_price, close_price,"
                            + " volume, wap, bar_count) SELECT CAST(? AS BIGINT), CAST(? AS BIGINT),"
                            + " CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION),"
                            + " CAST(? AS DOUBLE PRECISION), CAST(? AS NUMERIC(38, 10)), CAST(? AS NUMERIC(38, 10)),"
                            + " CAST(? AS INTEGER) WHERE NOT EXISTS (SELECT 1 FROM history_bars WHERE series_id = ?"
                            + " AND bar_time = ?)",
                    batch,
                    BATCH,
                    (PreparedStatement p, HistoryBar b) -> {
                        p.setLong(1, series);
                        p.setLong(2, b.time().getEpochSecond());
                        p.setDouble(3, b.open());
                        p.setDouble(4, b.high());
                        p.setDouble(5, b.low());
                        p.setDouble(6, b.close());
                        p.setBigDecimal(7, b.volume());
                        p.setBigDecimal(8, b.wap());
                        p.setInt(9, b.count());
                        p.setLong(10, series);
                        p.setLong(11, b.time().getEpochSecond());
                    });
            for (int[] chunk : counts) {
                for (int c : chunk) {
                    added += Math.max(c, 0);
                }
            }
        }
        return added;
    }

    /** Replaces the ranges that overlap or touch {@code span} by their union with it. */
    private void merge(long series, Span span) {
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        List<long[]> touching = jdbc.query(
                "SELECT range_from, range_to FROM history_covered WHERE series_id = ? AND range_from <= ?"
                        + " AND range_to >= ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                series,
                to,
                from);
        for (long[] r : touching) {
            from = Math.min(from, r[0]);
            to = Math.max(to, r[1]);
        }
        jdbc.update(
                "DELETE FROM history_covered WHERE series_id = ? AND range_from <= ? AND range_to >= ?",
                series,
                span.to().getEpochSecond(),
                span.from().getEpochSecond());
        jdbc.update("INSERT INTO history_covered (series_id, range_from, range_to) VALUES (?, ?, ?)", series, from, to);
    }

    /** The stored bars with a time in [from, to), oldest first. */
    public List<HistoryBar> read(long series, Instant from, Instant to) {
        List<HistoryBar> bars = new ArrayList<>();
        stream(series, from, to, bars::add);
        return bars;
    }

    /** Hands the stored bars with a time in [from, to) to {@code sink}, oldest first, without holding them all. */
    public void stream(long series, Instant from, Instant to, Consumer<HistoryBar> sink) {
        tx.executeWithoutResult(status -> jdbc.query(
                con -> {
                    PreparedStatement p = con.prepareStatement(
                            "SELECT bar_time, open_price, high_price, low_price, close_price, volume, wap, bar_count"
                                    + " FROM history_bars WHERE series_id = ? AND bar_time >= ? AND bar_time < ?"
                                    + " ORDER BY bar_time");
                    p.setFetchSize(BATCH); // PostgreSQL streams with a cursor only inside a transaction
                    p.setLong(1, series);
                    p.setLong(2, from.getEpochSecond());
                    p.setLong(3, to.getEpochSecond());
                    return p;
                },
                (ResultSet rs) -> {
                    sink.accept(bar(rs));
                }));
    }

    public long count(long series, Instant from, Instant to) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM history_bars WHERE series_id = ? AND bar_time >= ? AND bar_time < ?",
                Long.class,
                series,
                from.getEpochSecond(),
                to.getEpochSecond());
        return n == null ? 0 : n;
    }

    private static HistoryBar bar(ResultSet rs) throws SQLException {
        return new HistoryBar(
                Instant.ofEpochSecond(rs.getLong(1)),
                rs.getDouble(2),
                rs.getDouble(3),
                rs.getDouble(4),
                rs.getDouble(5),
                HistoryBar.canonical(rs.getBigDecimal(6)),
                HistoryBar.canonical(rs.getBigDecimal(7)),
                rs.getInt(8));
    }
}
