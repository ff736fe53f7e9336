-- Checks of variants (issue 19). Round 0 checks a variant's commit once its draft pull request is open; round r
-- checks the commit of repair r. A round is recorded here when the runner answered (or could not be asked),
-- before the orchestrator acts on it, so a replayed step acts on the same result instead of running it again.
create table job_check_round (
    job_id               varchar(36)   not null references job (id) on delete cascade,
    k                    int           not null,
    round                int           not null,
    commit_sha           varchar(64)   not null,
    -- configured, detected, none; null when the runner could not be asked (see error)
    source               varchar(16),
    passed               boolean       not null,
    -- repair rounds the configuration allows after a failed round (the runner's answer)
    repairs_allowed      int           not null default 0,
    tests_passed         int,
    tests_failed         int,
    tests_skipped        int,
    -- the runner's outcomes (dev.codeagent.contracts.check.CheckOutcome) as JSON, without the log
    checks_json          text,
    config_error         varchar(2000),
    -- "error: <reason>" when the round ran no check: the runner stayed unavailable, or the run was stopped
    error                varchar(2000),
    -- why the repair after this failed round produced no commit
    repair_error         varchar(2000),
    -- the artifact key of the round's log (checks/<k>-<round>.log under the job's prefix)
    log_key              varchar(500),
    isolation            varchar(32),
    duration_ms          bigint,
    created_at           timestamp with time zone not null,
    primary key (job_id, k, round)
);

-- The round the variant's check phase is at (= repairs committed so far).
alter table job_variant add column check_round int not null default 0;
