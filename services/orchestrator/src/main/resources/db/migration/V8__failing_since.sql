-- When the current step of a job or variant first failed in a row of transient failures (null: it has not
-- failed since it last moved on). A step is retried until CODEAGENT_RETRY_DEADLINE after this time, however many
-- attempts that takes, so a dependency that is down for minutes is waited for, not given up on after a few tries.
alter table job add column failing_since timestamp with time zone;
alter table job_variant add column failing_since timestamp with time zone;
