-- A /refine commit is checked like a repair: it starts a new check round of its variant. The rounds that began with a
-- refine (comma-separated, in order) tell the variant's repairs from its refines, order its commits' answers, and say
-- where its repair budget starts again (the last of them).
alter table job_variant add column refine_check_rounds varchar(400);
-- The refine round a /refine follow-up makes, fixed by its first run so that a replay makes no second round.
alter table job add column follow_up_round int;
