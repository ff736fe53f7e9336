-- Azure DevOps pipeline runs, continued (issue 24): what Azure DevOps last said of a running run (the progress reply
-- and the status API show it, and a change of it rewrites the progress reply), why a failed run failed, and the
-- cancellation in Azure DevOps of a run the job stopped following.
-- inProgress, canceling, completed: as the Runs API last reported it
alter table job_pipeline_run add column run_state varchar(16);
-- why a failed run failed, as a JSON list of lines: its timeline's error issues, else the end of the failed task's log
alter table job_pipeline_run add column error_lines text;
-- pending (to be asked), canceled (Azure DevOps was asked), completed (nothing to cancel), failed (see cancel_note)
alter table job_pipeline_run add column cancel_state varchar(16);
alter table job_pipeline_run add column cancel_note varchar(1000);
-- failed attempts in a row to ask for the cancel, and since when, for the retry policy
alter table job_pipeline_run add column cancel_attempts int default 0 not null;
alter table job_pipeline_run add column cancel_failing_since timestamp with time zone;
alter table job_pipeline_run add column cancelled_at timestamp with time zone;
