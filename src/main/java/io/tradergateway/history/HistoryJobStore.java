package io.tradergateway.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The jobs' own rows (history_jobs, history_job_parts) on the store's database. */
class HistoryJobStore {

    /** One contract's part of a job, as stored. */
    record Part(
            int conId,
            String state,
            int requestsTotal,
            int requestsDone,
            int twsRequests,
            int errors,
            String lastError,
            Long startedAt,
            Long updatedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    HistoryJobStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Creates the job and its parts in one transaction; false when a job with this id exists already (the same
     * spec, POSTed earlier or at the same moment, here or on another replica). Plain SQL, not ON CONFLICT (which H2
     * parses only in a session whose PostgreSQL mode took, see {@link BarStore}): a concurrent creator that passes
     * the NOT EXISTS too waits on the primary key and loses with a duplicate key, read as "exists already".
     */
    boolean insert(String id, HistoryJobSpec spec, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                int added = jdbc.update(
                        "INSERT INTO history_jobs (id, con_ids, bar_size, what_to_show, use_rth, range_from, range_to,"
                                + " cancelled, created_at) SELECT CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(4000)),"
                                + " CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(32)), CAST(? AS BOOLEAN),"
                                + " CAST(? AS BIGINT), CAST(? AS BIGINT), FALSE, CAST(? AS BIGINT)"
                                + " WHERE NOT EXISTS (SELECT 1 FROM history_jobs WHERE id = ?)",
                        id,
                        String.join(
                                ",", spec.conIds().stream().map(String::valueOf).toList()),
                        spec.barSize().ibName(),
                        spec.whatToShow().name(),
                        spec.useRth(),
                        spec.start().getEpochSecond(),
                        spec.end().getEpochSecond(),
                        now.toEpochMilli(),
                        id);
                if (added == 0) {
                    return false;
                }
                for (int conId : spec.conIds()) {
                    jdbc.update(
                            "INSERT INTO history_job_parts (job_id, con_id, state, requests_total, requests_done,"
                                    + " tws_requests, errors, updated_at) VALUES (?, ?, 'QUEUED', 0, 0, 0, 0, ?)",
                            id,
                            conId,
                            now.toEpochMilli());
                }
                return true;
            }));
        } catch (DuplicateKeyException e) {
            return false; // created concurrently by another request: that one is the job
        }
    }

    /**
     * The same job POSTed again: its parts that ended with failed chunks (or failed as a whole) are queued to run
     * again (the runner fetches only what the store still lacks); their errors are cleared, as the new run reports
     * its own. Parts done cleanly, running or queued are left alone; a cancelled job is not revived.
     */
    List<Integer> retryFailed(String id, Instant now) {
        List<Integer> retried = jdbc.queryForList(
                "SELECT p.con_id FROM history_job_parts p JOIN history_jobs j ON j.id = p.job_id WHERE p.job_id = ?"
                        + " AND j.cancelled = FALSE AND (p.state = 'FAILED' OR (p.state = 'DONE' AND p.errors > 0))"
                        + " ORDER BY p.con_id",
                Integer.class,
                id);
        for (int conId : retried) {
            jdbc.update(
                    "UPDATE history_job_parts SET state = 'QUEUED', errors = 0, last_error = NULL, updated_at = ?"
                            + " WHERE job_id = ? AND con_id = ? AND (state = 'FAILED' OR (state = 'DONE' AND errors > 0))",
                    now.toEpochMilli(),
                    id,
                    conId);
        }
        return retried;
    }

    Optional<HistoryJobSpec> spec(String id) {
        return jdbc
                .query(
                        "SELECT con_ids, bar_size, what_to_show, use_rth, range_from, range_to FROM history_jobs"
                                + " WHERE id = ?",
                        (rs, i) -> new HistoryJobSpec(
                                Arrays.stream(rs.getString(1).split(","))
                                        .map(Integer::valueOf)
                                        .toList(),
                                BarSize.parse(rs.getString(2)),
                                WhatToShow.valueOf(rs.getString(3)),
                                rs.getBoolean(4),
                                Instant.ofEpochSecond(rs.getLong(5)),
                                Instant.ofEpochSecond(rs.getLong(6))),
                        id)
                .stream()
                .findFirst();
    }

    long createdAt(String id) {
        return jdbc.queryForObject("SELECT created_at FROM history_jobs WHERE id = ?", Long.class, id);
    }

    boolean cancelled(String id) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT cancelled FROM history_jobs WHERE id = ?", Boolean.class, id));
    }

    void cancel(String id, Instant now) {
        jdbc.update("UPDATE history_jobs SET cancelled = TRUE WHERE id = ?", id);
        jdbc.update(
                "UPDATE history_job_parts SET state = 'CANCELLED', updated_at = ? WHERE job_id = ? AND state IN"
                        + " ('QUEUED', 'RUNNING')",
                now.toEpochMilli(),
                id);
    }

    List<String> ids() {
        return jdbc.queryForList("SELECT id FROM history_jobs ORDER BY created_at DESC, id", String.class);
    }

    List<Part> parts(String id) {
        return jdbc.query(
                "SELECT con_id, state, requests_total, requests_done, tws_requests, errors, last_error, started_at,"
                        + " updated_at FROM history_job_parts WHERE job_id = ? ORDER BY con_id",
                (rs, i) -> new Part(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getString(7),
                        (Long) rs.getObject(8, Long.class),
                        (Long) rs.getObject(9, Long.class)),
                id);
    }

    /** A part (re)starts: its total and what the store already covers; kept its first start time. */
    void start(String id, int conId, int total, int done, Instant now) {
        jdbc.update(
                "UPDATE history_job_parts SET state = 'RUNNING', requests_total = ?, requests_done = ?,"
                        + " started_at = COALESCE(started_at, ?), updated_at = ? WHERE job_id = ? AND con_id = ?",
                total,
                done,
                now.toEpochMilli(),
                now.toEpochMilli(),
                id,
                conId);
    }

    void progress(String id, int conId, boolean askedTws, Instant now) {
        jdbc.update(
                "UPDATE history_job_parts SET requests_done = requests_done + 1, tws_requests = tws_requests + ?,"
                        + " updated_at = ? WHERE job_id = ? AND con_id = ?",
                askedTws ? 1 : 0,
                now.toEpochMilli(),
                id,
                conId);
    }

    void error(String id, int conId, String message, Instant now) {
        jdbc.update(
                "UPDATE history_job_parts SET errors = errors + 1, last_error = ?, updated_at = ? WHERE job_id = ?"
                        + " AND con_id = ?",
                message.length() > 500 ? message.substring(0, 500) : message,
                now.toEpochMilli(),
                id,
                conId);
    }

    void finish(String id, int conId, String state, Instant now) {
        jdbc.update(
                "UPDATE history_job_parts SET state = ?, updated_at = ? WHERE job_id = ? AND con_id = ?",
                state,
                now.toEpochMilli(),
                id,
                conId);
    }
}
