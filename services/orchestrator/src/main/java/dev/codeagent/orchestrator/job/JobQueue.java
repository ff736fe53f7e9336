package dev.codeagent.orchestrator.job;

import static dev.codeagent.orchestrator.job.Rows.ts;

import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.orchestrator.config.AdmissionProperties;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caps on running work ({@link AdmissionProperties}), kept in the database so that they hold across replicas.
 * An edit job enters the queue once its author may trigger; it is admitted — and only then gathers its context
 * and runs its variants — when fewer than {@code maxRunningJobs} jobs run, and fewer than
 * {@code maxRunningJobsPerRepository} on its repository. Admission is first in, first out, except that a job whose
 * repository is full keeps its place while those behind it on other repositories go ahead.
 *
 * <p>Race-free: every admission runs in one transaction that first locks the single row of {@code job_admission}
 * ({@code SELECT … FOR UPDATE}, on PostgreSQL and H2 alike), then counts the running jobs and admits. Two replicas
 * therefore admit one after the other, each seeing what the other committed. A job that finishes meanwhile
 * only frees room, which the next admission sees.
 */
@Repository
public class JobQueue {

    private static final String UNFINISHED = " runtime_status in ('" + RuntimeStatus.Pending.name() + "', '"
            + RuntimeStatus.Running.name() + "')";
    private static final String RUNNING = "admitted_at is not null and" + UNFINISHED;
    private static final String IN_QUEUE = "queued_at is not null and admitted_at is null and cancel_reason is null and"
            + UNFINISHED;
    private static final String REPOSITORY_COLUMNS = "provider, organization, project, repository";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AdmissionProperties caps;
    private final Duration jobTimeout;

    public JobQueue(JdbcClient jdbc, TransactionTemplate transactions, AdmissionProperties caps,
            WorkflowProperties workflow) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.caps = caps;
        this.jobTimeout = workflow.jobTimeout();
    }

    public AdmissionProperties caps() {
        return caps;
    }

    /**
     * Puts the job at the end of the queue (once: a replay keeps its place) and admits what fits. Returns the
     * jobs this call admitted, in queue order: this one when it fits, and any that were waiting for a wake-up
     * that got lost. {@code clock} is read for the queue time and again for the admission time, once the running
     * jobs are counted.
     */
    public List<String> enqueue(String jobId, Supplier<Instant> clock) {
        return transactions.execute(tx -> {
            Instant now = clock.get();
            jdbc.sql("update job set step = ?, queued_at = coalesce(queued_at, ?), updated_at = ? "
                            + "where id = ? and admitted_at is null")
                    .params(JobPhase.QUEUED.dbValue(), ts(now), ts(now), jobId).update();
            return admitLocked(clock);
        });
    }

    /**
     * Admits the queued jobs that fit now, first in, first out; returns their ids. Each admitted job's deadline
     * starts at its admission ({@code clock} read once the running jobs are counted): time spent waiting does not
     * count against {@code CODEAGENT_JOB_TIMEOUT}.
     */
    public List<String> admit(Supplier<Instant> clock) {
        return transactions.execute(tx -> admitLocked(clock));
    }

    private List<String> admitLocked(Supplier<Instant> clock) {
        jdbc.sql("select id from job_admission where id = 1 for update").query(Integer.class).single();
        Map<List<String>, Integer> perRepository = new HashMap<>();
        jdbc.sql("select " + REPOSITORY_COLUMNS + ", count(*) as n from job where " + RUNNING
                        + " group by " + REPOSITORY_COLUMNS)
                .query(rs -> {
                    perRepository.put(repositoryOf(rs), rs.getInt("n"));
                });
        int running = perRepository.values().stream().mapToInt(Integer::intValue).sum();
        if (running >= caps.maxRunningJobs()) {
            return List.of();
        }
        List<String> admitted = new ArrayList<>();
        List<Map.Entry<String, List<String>>> queue = jdbc.sql("select id, " + REPOSITORY_COLUMNS
                        + " from job where " + IN_QUEUE + " order by queued_at, id")
                .query((rs, n) -> Map.entry(rs.getString("id"), repositoryOf(rs))).list();
        for (Map.Entry<String, List<String>> candidate : queue) {
            if (running >= caps.maxRunningJobs()) {
                break;
            }
            int inRepository = perRepository.getOrDefault(candidate.getValue(), 0);
            if (inRepository >= caps.maxRunningJobsPerRepository()) {
                continue;
            }
            perRepository.put(candidate.getValue(), inRepository + 1);
            running++;
            admitted.add(candidate.getKey());
        }
        if (!admitted.isEmpty()) {
            // Read after the counts: the job whose end freed the room (committed before they were read) must not
            // have a completed_at later than the admitted_at of the job that took its place.
            Instant now = clock.get();
            List<Object> params = new ArrayList<>(List.of(ts(now), ts(now.plus(jobTimeout)), ts(now)));
            params.addAll(admitted);
            jdbc.sql("update job set admitted_at = ?, deadline_at = ?, updated_at = ? where admitted_at is null and id in ("
                            + admitted.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")")
                    .params(params).update();
        }
        return Collections.unmodifiableList(admitted);
    }

    private static List<String> repositoryOf(ResultSet rs) throws SQLException {
        return List.of(rs.getString("provider"), rs.getString("organization"), rs.getString("project"),
                rs.getString("repository"));
    }

    public boolean admitted(String jobId) {
        return jdbc.sql("select count(*) from job where id = ? and admitted_at is not null").param(jobId)
                .query(Integer.class).single() > 0;
    }

    /** Where the job stands in the queue; empty once it is admitted, finished or cancelled. */
    public Optional<QueueStanding> standing(String jobId) {
        Optional<Map.Entry<Instant, List<String>>> entry = jdbc.sql("select queued_at, " + REPOSITORY_COLUMNS
                        + " from job where id = ? and " + IN_QUEUE)
                .param(jobId)
                .query((rs, n) -> Map.entry(Rows.instant(rs, "queued_at"), repositoryOf(rs))).optional();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Instant queuedAt = entry.get().getKey();
        List<String> repository = entry.get().getValue();
        int position = jdbc.sql("select count(*) from job where " + IN_QUEUE
                        + " and (queued_at < ? or (queued_at = ? and id <= ?))")
                .params(ts(queuedAt), ts(queuedAt), jobId).query(Integer.class).single();
        int inRepository = jdbc.sql("select count(*) from job where " + RUNNING
                        + " and provider = ? and organization = ? and project = ? and repository = ?")
                .params(repository).query(Integer.class).single();
        return Optional.of(new QueueStanding(position, (int) queued(), (int) running(), inRepository));
    }

    /** Jobs admitted and not finished, across all replicas. */
    public long running() {
        return jdbc.sql("select count(*) from job where " + RUNNING).query(Long.class).single();
    }

    /** Jobs in the queue, waiting to be admitted. */
    public long queued() {
        return jdbc.sql("select count(*) from job where " + IN_QUEUE).query(Long.class).single();
    }

    /**
     * Edit jobs accepted and not yet admitted — in the queue, or still checking their author — which
     * {@code maxQueuedJobs} bounds.
     */
    public long waiting() {
        return jdbc.sql("select count(*) from job where kind = ? and admitted_at is null and cancel_reason is null and"
                        + UNFINISHED)
                .param(CommandKind.EDIT.name()).query(Long.class).single();
    }

    /** What the job's progress reply last said about its place in the queue (null: nothing). */
    public String lastReport(String jobId) {
        return jdbc.sql("select queue_report from job where id = ?").param(jobId).query(String.class).optional()
                .orElse(null);
    }

    public void report(String jobId, String report) {
        jdbc.sql("update job set queue_report = ? where id = ?").params(report, jobId).update();
    }
}
