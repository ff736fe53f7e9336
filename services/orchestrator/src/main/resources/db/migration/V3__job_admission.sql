-- Caps on running work across replicas. A job waits in the queue (queued_at set) until it is admitted
-- (admitted_at set); admission takes the lock row of job_admission first, so replicas admit one at a time and
-- the caps hold whatever the number of replicas.
alter table job add column queued_at timestamp with time zone;
alter table job add column admitted_at timestamp with time zone;
-- The queue standing the progress reply last showed, so that it is edited only when the standing changes.
alter table job add column queue_report varchar(200);

create index job_queue_idx on job (queued_at, id);

create table job_admission (
    id                   int           primary key
);

insert into job_admission (id) values (1);

-- Jobs already past their preparation when this migration runs count as running.
update job set admitted_at = updated_at
    where runtime_status in ('Pending', 'Running') and step in ('fan-out', 'fan-in');
