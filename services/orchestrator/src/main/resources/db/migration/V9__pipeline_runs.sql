-- Azure DevOps pipeline runs as checks of variants (issue 24). A run is recorded as soon as Azure DevOps queued it,
-- before anything waits for it, so an orchestrator that restarts follows the same run instead of queueing another;
-- the adapter, asked again after an answer that was lost before this row was written, finds the run it queued.
create table job_pipeline_run (
    job_id            varchar(36)   not null references job (id) on delete cascade,
    k                 int           not null,
    round             int           not null,
    -- the pipeline as configured (a name or an id)
    pipeline          varchar(200)  not null,
    commit_sha        varchar(64)   not null,
    pipeline_id       bigint,
    pipeline_name     varchar(200),
    run_id            bigint,
    run_name          varchar(200),
    web_url           varchar(1000),
    -- running, completed, timed-out, stopped (the job ended first), error (it could not be queued or read)
    state             varchar(16)   not null,
    -- succeeded, failed, canceled, unknown once completed
    result            varchar(16),
    -- null: the run published no test results
    tests_passed      int,
    tests_failed      int,
    tests_skipped     int,
    -- up to 20 failing tests as a JSON list of strings
    failing_tests     text,
    error             varchar(2000),
    queued_at         timestamp with time zone not null,
    finished_at       timestamp with time zone,
    primary key (job_id, k, round, pipeline)
);

-- The runner's answer for a round whose pipelines are still running: kept so the round is recorded from it once
-- they end, without running the checks again.
create table job_check_pending (
    job_id            varchar(36)   not null references job (id) on delete cascade,
    k                 int           not null,
    round             int           not null,
    result_json       text          not null,
    created_at        timestamp with time zone not null,
    primary key (job_id, k, round)
);
