-- Follow-up commands in a job's thread (/pick, /refine, /retry, /cancel, /status) are jobs of their own, linked to
-- the thread's edit job once their first step finds it. The variant they name and /retry's --fresh come with the
-- command; what a /pick did is recorded on the edit job, each side effect before the next one.
alter table job add column follow_up_variant int;
alter table job add column follow_up_fresh boolean default false not null;
alter table job add column parent_job_id varchar(36);
alter table job add column picked_variant int;
alter table job add column merge_commit varchar(64);
alter table job add column abandoned_variants varchar(400);
-- How many /refine rounds each variant had; the next round's number and the commit message count them.
alter table job_variant add column refine_rounds int default 0 not null;

create index job_thread_idx on job (provider, organization, project, repository, pull_request_id, thread_id,
    created_at);
create index job_parent_idx on job (parent_job_id, created_at);
create index job_variant_pr_idx on job_variant (pr_id);
