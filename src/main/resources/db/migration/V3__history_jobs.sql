-- Bulk history jobs (issue 14; V3: the order journal took V2). Portable SQL for H2 (PostgreSQL mode) and PostgreSQL.

-- db-scheduler's one table (its PostgreSQL DDL, with VARCHAR for TEXT so H2 can key on it): one row per piece of
-- durable work; "picked" + version make each piece run on one replica at a time, last_heartbeat finds the dead.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(200) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(100),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- A job is its identity: universe (conIds, sorted), bar size, whatToShow, useRth and range; id = hash of those.
CREATE TABLE history_jobs (
    id           VARCHAR(32)   PRIMARY KEY,
    con_ids      VARCHAR(4000) NOT NULL,
    bar_size     VARCHAR(16)   NOT NULL,
    what_to_show VARCHAR(32)   NOT NULL,
    use_rth      BOOLEAN       NOT NULL,
    range_from   BIGINT        NOT NULL,
    range_to     BIGINT        NOT NULL,
    cancelled    BOOLEAN       NOT NULL,
    created_at   BIGINT        NOT NULL
);

-- One part per contract of a job: the unit db-scheduler runs (task instance "<job id>-<conId>").
CREATE TABLE history_job_parts (
    job_id         VARCHAR(32)  NOT NULL REFERENCES history_jobs (id),
    con_id         INTEGER      NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    requests_total INTEGER      NOT NULL,
    requests_done  INTEGER      NOT NULL,
    tws_requests   INTEGER      NOT NULL,
    errors         INTEGER      NOT NULL,
    last_error     VARCHAR(500),
    started_at     BIGINT,
    updated_at     BIGINT,
    PRIMARY KEY (job_id, con_id)
);
