package dev.codeagent.orchestrator.job;

import static dev.codeagent.orchestrator.job.Rows.instant;
import static dev.codeagent.orchestrator.job.Rows.nullableLong;
import static dev.codeagent.orchestrator.job.Rows.truncate;
import static dev.codeagent.orchestrator.job.Rows.ts;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.config.DatabaseProduct;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Jobs in the relational database (their variants are in {@link VariantStore}, their audit trail in
 * {@link JobAudit}). Updates that move a job forward are guarded by the state they expect, so a step replayed
 * after a crash cannot move a finished job back.
 */
@Repository
public class JobStore {

    private static final String JOB_COLUMNS = "id, idempotency_key, kind, runtime_status, outcome, step, attempts, "
            + "provider, organization, project, repository, repository_id, pull_request_id, thread_id, comment_id, "
            + "parent_comment_id, author_id, author_name, author_display, intent, variants_requested, "
            + "rejection_reason, corr_id, base_commit, source_ref, target_ref, pr_title, progress_thread_id, "
            + "progress_comment_id, cancel_reason, error, deadline_at, created_at, updated_at, completed_at";

    private static final String JOB_INSERT_COLUMNS = "id, idempotency_key, kind, runtime_status, step, provider, "
            + "organization, project, repository, repository_id, pull_request_id, thread_id, comment_id, "
            + "parent_comment_id, author_id, author_name, author_display, intent, variants_requested, rejection_reason, "
            + "delivered_source_ref, delivered_target_ref, delivered_commit, delivery_id, corr_id, deadline_at, "
            + "created_at, updated_at, follow_up_variant, follow_up_fresh";
    private static final String JOB_INSERT_ROW = "(?, ?, ?, ?, '" + JobPhase.ACCEPTED.dbValue() + "', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int JOB_INSERT_PARAMETERS = 29;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    public JobStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Whether {@link #insertWithFirstTasks} is available: on PostgreSQL. H2 (the embedded default) has no
     * data-modifying WITH, and runs in process, where a statement costs no round trip.
     */
    public boolean singleStatementStarts() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = DatabaseProduct.isPostgreSql(dataSource);
            } catch (MetaDataAccessException e) {
                throw new DataAccessResourceFailureException("Could not tell the database product", e);
            }
            postgres = known;
        }
        return known;
    }

    // ---- jobs ---------------------------------------------------------------------------------------

    /** Inserts the job; a second insert with the same idempotency key fails on the unique constraint. */
    public void insert(NewJob job) {
        List<Object> jobParams = new ArrayList<>(JOB_INSERT_PARAMETERS);
        addJobParameters(job, jobParams);
        jdbc.sql("insert into job (" + JOB_INSERT_COLUMNS + ") values " + JOB_INSERT_ROW).params(jobParams).update();
        int variants = variantCount(job.request());
        if (variants > 0) {
            // One multi-row statement: the start API is the gateway's hand-off and must stay cheap.
            List<Object> params = new ArrayList<>(variants * 5);
            StringBuilder sql = new StringBuilder("insert into job_variant (job_id, k, state, step, updated_at) values ");
            for (int k = 1; k <= variants; k++) {
                sql.append(k == 1 ? "" : ", ").append("(?, ?, ?, ?, ?)");
                params.add(job.id());
                params.add(k);
                params.add(VariantState.PENDING.name());
                params.add(VariantPhase.PENDING.dbValue());
                params.add(ts(job.createdAt()));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /**
     * PostgreSQL only ({@link #singleStatementStarts}): the jobs, their variant rows and each job's first
     * workflow task, due at the job's creation, in one statement — one round trip and one commit for a whole
     * batch of the gateway's hand-off. {@code firstTask} names the task and priority; its instance id must be
     * the job id (as for {@link com.github.kagkarlsson.scheduler.task.TaskDescriptor#instance(String)} of the
     * job id). A job whose idempotency key already has a job — in the database or earlier in {@code jobs} — is
     * not written; that job's insert has committed by the time this returns (ON CONFLICT waits for it), so
     * {@link #findByKey} sees it. Returns the ids of the jobs written.
     *
     * <p>The task rows are written as db-scheduler's own createBatch writes them (PostgresWorkflowIT compares
     * the two): going through the scheduler would cost a statement of its own.
     */
    public Set<String> insertWithFirstTasks(List<NewJob> jobs, Function<String, TaskInstance<?>> firstTask) {
        TaskInstance<?> task = firstTask.apply(jobs.get(0).id());
        for (NewJob job : jobs) {
            TaskInstance<?> instance = firstTask.apply(job.id());
            if (!instance.getId().equals(job.id()) || !instance.getTaskName().equals(task.getTaskName())
                    || instance.getPriority() != task.getPriority() || instance.getData() != null) {
                throw new IllegalArgumentException("first tasks must be of one task without data, with the job id as "
                        + "instance id; schedule others through the scheduler");
            }
        }
        // One order of key locks for every batch: two batches with a key in common in opposite orders would
        // otherwise each wait for the other's uncommitted insert (a deadlock PostgreSQL breaks after a second).
        List<NewJob> ordered = jobs.stream()
                .sorted(Comparator.comparing((NewJob j) -> j.request().idempotencyKey()))
                .toList();
        StringBuilder sql = new StringBuilder(300 + ordered.size() * (JOB_INSERT_ROW.length() + 2));
        sql.append("with j as (insert into job (").append(JOB_INSERT_COLUMNS).append(") values ");
        List<Object> params = new ArrayList<>(ordered.size() * JOB_INSERT_PARAMETERS + 3);
        for (NewJob job : ordered) {
            sql.append(params.isEmpty() ? "" : ", ").append(JOB_INSERT_ROW);
            addJobParameters(job, params);
        }
        sql.append(" on conflict (idempotency_key) do nothing returning id, variants_requested, created_at), "
                + "v as (insert into job_variant (job_id, k, state, step, updated_at) "
                + "select j.id, k, ?, ?, j.created_at from j cross join generate_series(1, j.variants_requested) k), "
                + "t as (insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, "
                + "priority) select ?, j.id, null::bytea, j.created_at, false, 1, ? from j) "
                + "select id from j");
        params.add(VariantState.PENDING.name());
        params.add(VariantPhase.PENDING.dbValue());
        params.add(task.getTaskName());
        params.add(task.getPriority());
        return new HashSet<>(jdbc.sql(sql.toString()).params(params).query(String.class).list());
    }

    /** In the order of {@link #JOB_INSERT_COLUMNS} (without the constant step). */
    private static void addJobParameters(NewJob job, List<Object> p) {
        StartJobRequest r = job.request();
        Author author = r.author();
        OffsetDateTime created = ts(job.createdAt());
        p.add(job.id());
        p.add(r.idempotencyKey());
        p.add(r.kind().name());
        p.add(RuntimeStatus.Pending.name());
        p.add(r.repository().provider());
        p.add(r.repository().organization());
        p.add(r.repository().project());
        p.add(r.repository().repository());
        p.add(r.repository().repositoryId());
        p.add(r.pullRequestId());
        p.add(r.threadId());
        p.add(r.commentId());
        p.add(r.parentCommentId());
        p.add(author == null ? null : author.id());
        p.add(author == null ? null : author.uniqueName());
        p.add(author == null ? null : author.displayName());
        p.add(r.intent());
        p.add(variantCount(r));
        p.add(r.rejectionReason());
        p.add(r.sourceRef());
        p.add(r.targetRef());
        p.add(r.sourceCommit());
        p.add(r.deliveryId());
        p.add(job.corrId());
        p.add(ts(job.deadlineAt()));
        p.add(created);
        p.add(created);
        p.add(r.variant());
        p.add(r.fresh());
    }

    private static int variantCount(StartJobRequest request) {
        return request.kind() == CommandKind.EDIT ? request.variants() : 0;
    }

    public Optional<JobRecord> find(String id) {
        return jdbc.sql("select " + JOB_COLUMNS + " from job where id = ?").param(id).query(this::job).optional();
    }

    public Optional<JobRecord> findByKey(String idempotencyKey) {
        return jdbc.sql("select " + JOB_COLUMNS + " from job where idempotency_key = ?")
                .param(idempotencyKey).query(this::job).optional();
    }

    /** Newest first, after {@code cursor} when given; returns up to {@code limit} jobs. */
    public List<JobRecord> page(JobFilter filter, PageCursor cursor, int limit) {
        StringBuilder sql = new StringBuilder("select " + JOB_COLUMNS + " from job where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            sql.append(" and runtime_status in (")
                    .append(filter.statuses().stream().map(s -> "?").collect(Collectors.joining(", ")))
                    .append(')');
            filter.statuses().forEach(s -> params.add(s.name()));
        }
        if (filter.repository() != null && !filter.repository().isBlank()) {
            String[] parts = filter.repository().split("/");
            switch (parts.length) {
                case 1 -> sql.append(" and repository = ?");
                case 2 -> sql.append(" and project = ? and repository = ?");
                default -> sql.append(" and organization = ? and project = ? and repository = ?");
            }
            for (int i = Math.max(0, parts.length - 3); i < parts.length; i++) {
                params.add(parts[i]);
            }
        }
        if (cursor != null) {
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            params.add(ts(cursor.createdAt()));
            params.add(ts(cursor.createdAt()));
            params.add(cursor.id());
        }
        sql.append(" order by created_at desc, id desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::job).list();
    }

    public Optional<String> context(String jobId) {
        return jdbc.sql("select context_json from job where id = ?").param(jobId)
                .query((rs, n) -> rs.getString(1)).optional();
    }

    /** Pending → Running, in {@code phase}; a job already running is left as it is. */
    public void markRunning(String jobId, JobPhase phase, Instant now) {
        jdbc.sql("update job set runtime_status = ?, step = ?, updated_at = ? where id = ? and runtime_status = ?")
                .params(RuntimeStatus.Running.name(), phase.dbValue(), ts(now), jobId, RuntimeStatus.Pending.name())
                .update();
    }

    /** The job moves on to {@code phase}, whose attempts start from zero. */
    public void moveTo(String jobId, JobPhase phase, Instant now) {
        jdbc.sql("update job set step = ?, attempts = 0, failing_since = null, updated_at = ? where id = ?")
                .params(phase.dbValue(), ts(now), jobId).update();
    }

    /** Counts a failed attempt of the job's current step; returns its failures in a row. */
    public FailedAttempts attemptFailed(String jobId, String error, Instant now) {
        jdbc.sql("update job set attempts = attempts + 1, failing_since = coalesce(failing_since, ?), error = ?, "
                        + "updated_at = ? where id = ?")
                .params(ts(now), truncate(error, 4000), ts(now), jobId).update();
        return jdbc.sql("select attempts, failing_since from job where id = ?").param(jobId)
                .query((rs, n) -> new FailedAttempts(rs.getInt(1), Rows.instant(rs, "failing_since"))).single();
    }

    public void progressComment(String jobId, long threadId, long commentId, Instant now) {
        jdbc.sql("update job set progress_thread_id = ?, progress_comment_id = ?, updated_at = ? where id = ?")
                .params(threadId, commentId, ts(now), jobId).update();
    }

    /** Stores the gathered context; the job moves on to {@link JobPhase#FAN_OUT}. */
    public void context(String jobId, String baseCommit, String sourceRef, String targetRef, String prTitle,
            String prDescription, String contextJson, Instant now) {
        jdbc.sql("update job set base_commit = ?, source_ref = ?, target_ref = ?, pr_title = ?, pr_description = ?, "
                        + "context_json = ?, step = ?, attempts = 0, failing_since = null, error = null, updated_at = ? where id = ?")
                .params(baseCommit, sourceRef, targetRef, truncate(prTitle, 1000), truncate(prDescription, 8000),
                        contextJson, JobPhase.FAN_OUT.dbValue(), ts(now), jobId)
                .update();
    }

    /** Records a cancellation request; false when the job is unknown, finished or already cancelling. */
    public boolean requestCancel(String jobId, CancelReason reason, Instant now) {
        return jdbc.sql("update job set cancel_reason = ?, updated_at = ? where id = ? and cancel_reason is null "
                        + "and runtime_status in (?, ?)")
                .params(reason.dbValue(), ts(now), jobId, RuntimeStatus.Pending.name(), RuntimeStatus.Running.name())
                .update() == 1;
    }

    /** Moves the job to its final state; false when it was final already. */
    public boolean finish(String jobId, RuntimeStatus status, Outcome outcome, String error, Instant now) {
        return jdbc.sql("update job set runtime_status = ?, outcome = ?, step = ?, error = ?, updated_at = ?, "
                        + "completed_at = ?, context_json = null where id = ? and runtime_status in (?, ?)")
                .params(status.name(), outcome == null ? null : outcome.name(), JobPhase.DONE.dbValue(),
                        truncate(error, 4000), ts(now),
                        ts(now), jobId, RuntimeStatus.Pending.name(), RuntimeStatus.Running.name())
                .update() == 1;
    }

    /** Jobs not yet finished, for the backlog gauge. */
    public long backlog() {
        return jdbc.sql("select count(*) from job where runtime_status in (?, ?)")
                .params(RuntimeStatus.Pending.name(), RuntimeStatus.Running.name()).query(Long.class).single();
    }

    /** Ids of jobs finished before {@code cutoff}, oldest first. */
    public List<String> finishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("select id from job where completed_at is not null and completed_at < ? "
                        + "order by completed_at limit " + limit)
                .param(ts(cutoff)).query(String.class).list();
    }

    /** Deletes a job with its variants and audit trail. */
    public void delete(String jobId) {
        jdbc.sql("delete from job_audit where job_id = ?").param(jobId).update();
        jdbc.sql("delete from job_variant where job_id = ?").param(jobId).update();
        jdbc.sql("delete from job where id = ?").param(jobId).update();
    }

    // ---- mapping ------------------------------------------------------------------------------------

    private JobRecord job(ResultSet rs, int row) throws SQLException {
        String authorId = rs.getString("author_id");
        String authorName = rs.getString("author_name");
        String authorDisplay = rs.getString("author_display");
        Author author = authorId == null && authorName == null && authorDisplay == null ? null
                : new Author(authorId, authorName, authorDisplay);
        String outcome = rs.getString("outcome");
        return new JobRecord(
                rs.getString("id"),
                rs.getString("idempotency_key"),
                CommandKind.valueOf(rs.getString("kind")),
                RuntimeStatus.valueOf(rs.getString("runtime_status")),
                outcome == null ? null : Outcome.valueOf(outcome),
                JobPhase.fromDb(rs.getString("step")),
                rs.getInt("attempts"),
                new RepositoryRef(rs.getString("provider"), rs.getString("organization"), rs.getString("project"),
                        rs.getString("repository"), rs.getString("repository_id")),
                rs.getLong("pull_request_id"),
                rs.getLong("thread_id"),
                rs.getLong("comment_id"),
                nullableLong(rs, "parent_comment_id"),
                author,
                rs.getString("intent"),
                rs.getInt("variants_requested"),
                rs.getString("rejection_reason"),
                rs.getString("corr_id"),
                rs.getString("base_commit"),
                rs.getString("source_ref"),
                rs.getString("target_ref"),
                rs.getString("pr_title"),
                nullableLong(rs, "progress_thread_id"),
                nullableLong(rs, "progress_comment_id"),
                CancelReason.fromDb(rs.getString("cancel_reason")),
                rs.getString("error"),
                instant(rs, "deadline_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"));
    }
}
