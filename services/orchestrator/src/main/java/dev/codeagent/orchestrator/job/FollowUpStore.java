package dev.codeagent.orchestrator.job;

import static dev.codeagent.orchestrator.job.Rows.instant;
import static dev.codeagent.orchestrator.job.Rows.nullableInt;
import static dev.codeagent.orchestrator.job.Rows.ts;

import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.job.FollowUpView;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-up side of jobs: which edit job a follow-up command belongs to, what it names, and what a {@code /pick}
 * did to the edit job. Kept apart from {@link JobStore}, whose rows every job reads on its hot path.
 */
@Repository
public class FollowUpStore {

    private static final List<String> EDIT = List.of(CommandKind.EDIT.name());

    private final JdbcClient jdbc;

    public FollowUpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a follow-up command named: its variant K, {@code --fresh}, and its edit job once linked. */
    public record Command(Integer variant, boolean fresh, String parentJobId) {
    }

    /** What {@code /pick} did to an edit job so far; {@code picked} null while nothing was merged. */
    public record Pick(Integer picked, String mergeCommit, List<Integer> abandoned) {
    }

    public Command command(String jobId) {
        return jdbc.sql("select follow_up_variant, follow_up_fresh, parent_job_id from job where id = ?").param(jobId)
                .query((rs, n) -> new Command(nullableInt(rs, "follow_up_variant"), rs.getBoolean("follow_up_fresh"),
                        rs.getString("parent_job_id")))
                .single();
    }

    /** The newest edit job of the thread that arrived before {@code before}. */
    public Optional<String> editOfThread(RepositoryRef repo, long pullRequestId, long threadId, Instant before) {
        return jdbc.sql("select id from job where provider = ? and organization = ? and project = ? and repository = ? "
                        + "and pull_request_id = ? and thread_id = ? and kind in (?) and created_at <= ? "
                        + "order by created_at desc, id desc limit 1")
                .params(repo.provider(), repo.organization(), repo.project(), repo.repository(), pullRequestId,
                        threadId, EDIT.get(0), ts(before))
                .query(String.class).optional();
    }

    /**
     * The job and K of the variant whose draft pull request is {@code pullRequestId}, if the agent opened it: one that
     * succeeded, or one still being checked (a refine of it is then told to wait).
     */
    public Optional<VariantRef> variantOfPullRequest(RepositoryRef repo, long pullRequestId) {
        return jdbc.sql("select v.job_id, v.k from job_variant v join job j on j.id = v.job_id where v.pr_id = ? "
                        + "and j.provider = ? and j.organization = ? and j.project = ? and j.repository = ? "
                        + "and v.state in (?, ?) order by j.created_at desc limit 1")
                .params(pullRequestId, repo.provider(), repo.organization(), repo.project(), repo.repository(),
                        VariantState.SUCCEEDED.name(), VariantState.RUNNING.name())
                .query((rs, n) -> new VariantRef(rs.getString(1), rs.getInt(2))).optional();
    }

    /** A variant of a job. */
    public record VariantRef(String jobId, int k) {
    }

    public void link(String followUpId, String parentJobId) {
        jdbc.sql("update job set parent_job_id = ? where id = ? and parent_job_id is null")
                .params(parentJobId, followUpId).update();
    }

    /** The newest job of the thread, other than {@code except}, that has not finished. */
    public Optional<String> runningInThread(RepositoryRef repo, long pullRequestId, long threadId, String except) {
        return jdbc.sql("select id from job where provider = ? and organization = ? and project = ? and repository = ? "
                        + "and pull_request_id = ? and thread_id = ? and id <> ? and runtime_status in (?, ?) "
                        + "and kind not in (?, ?) order by created_at desc, id desc limit 1")
                .params(repo.provider(), repo.organization(), repo.project(), repo.repository(), pullRequestId,
                        threadId, except, RuntimeStatus.Pending.name(), RuntimeStatus.Running.name(),
                        CommandKind.CANCEL.name(), CommandKind.STATUS.name())
                .query(String.class).optional();
    }

    /**
     * Whether a /retry or a refine named the job: one may have run it again since its first summary (asked while it
     * still ran, they did not, which costs only a rewrite of the same summary).
     */
    public boolean ranAgain(String jobId) {
        return jdbc.sql("select count(*) from job where parent_job_id = ? and kind in (?, ?, ?)")
                .params(jobId, CommandKind.RETRY.name(), CommandKind.REFINE.name(), CommandKind.EDIT.name())
                .query(Integer.class).single() > 0;
    }

    public List<FollowUpView> followUpsOf(String parentJobId) {
        return jdbc.sql("select id, kind, follow_up_variant, runtime_status, outcome, error, created_at from job "
                        + "where parent_job_id = ? order by created_at, id")
                .param(parentJobId)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    return new FollowUpView(rs.getString("id"), CommandKind.valueOf(rs.getString("kind")),
                            nullableInt(rs, "follow_up_variant"), RuntimeStatus.valueOf(rs.getString("runtime_status")),
                            outcome == null ? null : Outcome.valueOf(outcome), rs.getString("error"),
                            instant(rs, "created_at"));
                })
                .list();
    }

    public Pick pick(String jobId) {
        return jdbc.sql("select picked_variant, merge_commit, abandoned_variants from job where id = ?").param(jobId)
                .query((rs, n) -> new Pick(nullableInt(rs, "picked_variant"), rs.getString("merge_commit"),
                        Rows.intList(rs.getString("abandoned_variants"))))
                .single();
    }

    /** Variant K of the edit job was merged as {@code mergeCommit}; recorded once, the first pick wins. */
    public void picked(String jobId, int k, String mergeCommit) {
        jdbc.sql("update job set picked_variant = ?, merge_commit = ? where id = ? and picked_variant is null")
                .params(k, mergeCommit, jobId).update();
    }

    /** Variant K's pull request was abandoned and its branch deleted. */
    public void abandoned(String jobId, int k) {
        List<Integer> all = new ArrayList<>(pick(jobId).abandoned());
        if (all.contains(k)) {
            return;
        }
        all.add(k);
        jdbc.sql("update job set abandoned_variants = ? where id = ?")
                .params(Rows.intList(all.stream().sorted().toList()), jobId).update();
    }

    /** The next /refine round of variant K (1 for the first). */
    public int refineRounds(String jobId, int k) {
        return jdbc.sql("select refine_rounds from job_variant where job_id = ? and k = ?").params(jobId, k)
                .query(Integer.class).single();
    }

    /**
     * The refine round the follow-up {@code followUpId} makes: {@code next} on its first run, the same number on a
     * replay, however far the round got.
     */
    public int refineRound(String followUpId, int next) {
        jdbc.sql("update job set follow_up_round = ? where id = ? and follow_up_round is null").params(next, followUpId)
                .update();
        return jdbc.sql("select follow_up_round from job where id = ?").param(followUpId).query(Integer.class).single();
    }

    /**
     * Variant K has a new commit from /refine round {@code round}: its head, commit and change figures (against the
     * job's base) follow it, and it runs again from its check phase in a new round of checks, from which its repair
     * budget counts. Guarded by the round, so a replayed refine records once.
     */
    public void refined(VariantRecord v, int round, String commit, NetChange change, Instant now) {
        List<Integer> refineRounds = new ArrayList<>(v.refineCheckRounds());
        refineRounds.add(v.checkRound() + 1);
        jdbc.sql("update job_variant set refine_rounds = ?, commit_sha = ?, head_commit = ?, files_changed = ?, "
                        + "lines_added = ?, lines_removed = ?, check_round = ?, refine_check_rounds = ?, state = ?, "
                        + "step = ?, attempts = 0, failing_since = null, error = null, finished_at = null, "
                        + "duration_ms = null, started_at = ?, updated_at = ? "
                        + "where job_id = ? and k = ? and refine_rounds = ? and check_round = ?")
                .params(round, commit, commit, change.files(), change.added(), change.removed(), v.checkRound() + 1,
                        Rows.intList(refineRounds), VariantState.RUNNING.name(), VariantPhase.CHECK.dbValue(), ts(now),
                        ts(now), v.jobId(), v.k(), round - 1, v.checkRound())
                .update();
    }

    /**
     * A finished edit job runs again for {@code /retry}: Running in its fan-out, with its context restored (it is
     * dropped when a job finishes) and a new deadline. Only a finished job is reopened.
     */
    public void reopen(String jobId, String contextJson, Instant deadline, Instant now) {
        jdbc.sql("update job set runtime_status = ?, outcome = null, step = ?, attempts = 0, error = null, "
                        + "cancel_reason = null, completed_at = null, context_json = ?, deadline_at = ?, "
                        + "updated_at = ? where id = ? and runtime_status in (?, ?, ?)")
                .params(RuntimeStatus.Running.name(), JobPhase.FAN_OUT.dbValue(), contextJson, ts(deadline), ts(now),
                        jobId, RuntimeStatus.Completed.name(), RuntimeStatus.Failed.name(),
                        RuntimeStatus.Terminated.name())
                .update();
    }

    /**
     * Variant K of a reopened job starts again in {@code from}: from scratch ({@link VariantPhase#PENDING}) it forgets
     * its branch head and commit, otherwise it keeps what its earlier phases recorded (but for a round of checks that
     * did not run, which its check phase then runs). Only an ended variant that did
     * not succeed is set back.
     */
    public void rerun(String jobId, int k, VariantPhase from, Instant now) {
        boolean fresh = from == VariantPhase.PENDING;
        if (from == VariantPhase.CHECK) {
            // A round that ran no check (stopped by the cancellation, say) is asked for again, under the same run id.
            jdbc.sql("delete from job_check_round where job_id = ? and k = ? and error is not null and round = "
                            + "(select check_round from job_variant where job_id = ? and k = ? and state in (?, ?))")
                    .params(jobId, k, jobId, k, VariantState.FAILED.name(), VariantState.CANCELLED.name())
                    .update();
        }
        jdbc.sql("update job_variant set state = ?, step = ?, attempts = 0, error = null, finished_at = null, "
                        + "duration_ms = null, started_at = ?, updated_at = ?"
                        + (fresh ? ", head_commit = null, commit_sha = null, pr_id = null, pr_url = null" : "")
                        + " where job_id = ? and k = ? and state in (?, ?)")
                .params(fresh ? VariantState.PENDING.name() : VariantState.RUNNING.name(), from.dbValue(),
                        fresh ? null : ts(now), ts(now), jobId, k, VariantState.FAILED.name(),
                        VariantState.CANCELLED.name())
                .update();
    }
}
