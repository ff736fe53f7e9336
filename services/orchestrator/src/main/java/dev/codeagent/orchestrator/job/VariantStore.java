package dev.codeagent.orchestrator.job;

import static dev.codeagent.orchestrator.job.Rows.instant;
import static dev.codeagent.orchestrator.job.Rows.nullableInt;
import static dev.codeagent.orchestrator.job.Rows.nullableLong;
import static dev.codeagent.orchestrator.job.Rows.truncate;
import static dev.codeagent.orchestrator.job.Rows.ts;

import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.job.VariantState;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The variants of jobs. Every update that moves a variant on names the phase it moves to and is guarded by the
 * state it expects, so a step replayed after a crash cannot move a finished variant back.
 */
@Repository
public class VariantStore {

    private static final String COLUMNS = "job_id, k, state, step, attempts, branch, head_commit, strategy, "
            + "approach, commit_sha, pr_id, pr_url, files_changed, lines_added, lines_removed, provider, model, "
            + "offline, duration_ms, error, started_at, finished_at, model_calls, input_tokens, output_tokens, cost_usd, "
            + "check_round, refine_check_rounds";

    private static final String PREFIXED_COLUMNS = Arrays.stream(COLUMNS.split(", "))
            .map(c -> "v." + c).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;

    public VariantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<VariantRecord> variants(String jobId) {
        return jdbc.sql("select " + COLUMNS + " from job_variant where job_id = ? order by k")
                .param(jobId).query(this::variant).list();
    }

    /** Variants of several jobs at once, grouped by job id (for listings). */
    public Map<String, List<VariantRecord>> variantsOf(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        String marks = jobIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        return jdbc.sql("select " + COLUMNS + " from job_variant where job_id in (" + marks + ") order by job_id, k")
                .params(new ArrayList<Object>(jobIds)).query(this::variant).list().stream()
                .collect(Collectors.groupingBy(VariantRecord::jobId));
    }

    public Optional<VariantRecord> variant(String jobId, int k) {
        return jdbc.sql("select " + COLUMNS + " from job_variant where job_id = ? and k = ?")
                .params(jobId, k).query(this::variant).optional();
    }

    /**
     * The variant together with its job's cancellation reason, read in one statement: a variant checks for
     * cancellation before every step, so this is its per-step read.
     */
    public Optional<VariantSnapshot> snapshot(String jobId, int k) {
        return jdbc.sql("select " + PREFIXED_COLUMNS + ", j.cancel_reason as job_cancel_reason "
                        + "from job_variant v join job j on j.id = v.job_id where v.job_id = ? and v.k = ?")
                .params(jobId, k)
                .query((rs, n) -> new VariantSnapshot(variant(rs, n),
                        CancelReason.fromDb(rs.getString("job_cancel_reason"))))
                .optional();
    }

    public Optional<String> patch(String jobId, int k) {
        return jdbc.sql("select patch_json from job_variant where job_id = ? and k = ?").params(jobId, k)
                .query((rs, n) -> rs.getString(1)).optional();
    }

    /** {@link VariantPhase#PENDING} → {@link VariantPhase#BRANCH}: the variant runs, on this branch. */
    public void started(String jobId, int k, String branch, Instant now) {
        jdbc.sql("update job_variant set state = ?, step = ?, branch = ?, started_at = ?, attempts = 0, failing_since = null, "
                        + "updated_at = ? where job_id = ? and k = ? and state = ?")
                .params(VariantState.RUNNING.name(), VariantPhase.BRANCH.dbValue(), branch, ts(now), ts(now), jobId, k,
                        VariantState.PENDING.name())
                .update();
    }

    /** → {@link VariantPhase#PATCH}: the branch exists at {@code head}. */
    public void branchReady(String jobId, int k, String head, Instant now) {
        moveOn(jobId, k, VariantPhase.PATCH, "head_commit = ?", head, now);
    }

    /**
     * Adds model calls that produced no change (a failed patch generation) to the variant's usage. A cost stays
     * unknown (null) once any call's price is unknown; until then the costs add up.
     */
    public void spent(String jobId, int k, ModelUsage usage, Instant now) {
        List<Object> params = new ArrayList<>(usageParams(usage));
        params.addAll(List.of(ts(now), jobId, k));
        jdbc.sql("update job_variant set " + USAGE_PLUS + ", updated_at = ? where job_id = ? and k = ?")
                .params(params)
                .update();
    }

    /**
     * Adds a usage to the row as it was: calls and tokens add up; the cost stays unknown (null) once any part is
     * unknown, as the usage columns say. Its parameters come from {@link #usageParams}.
     */
    private static final String USAGE_PLUS = "cost_usd = case when model_calls is null then cast(? as numeric(20, 8)) "
            + "when cost_usd is null or cast(? as numeric(20, 8)) is null then null "
            + "else cost_usd + cast(? as numeric(20, 8)) end, "
            + "model_calls = coalesce(model_calls, 0) + ?, input_tokens = coalesce(input_tokens, 0) + ?, "
            + "output_tokens = coalesce(output_tokens, 0) + ?";

    private static List<Object> usageParams(ModelUsage usage) {
        return Arrays.asList(usage.costUsd(), usage.costUsd(), usage.costUsd(), usage.calls(), usage.inputTokens(),
                usage.outputTokens());
    }

    /**
     * → {@link VariantPhase#COMMIT}: the model's change is recorded, to be committed; its usage is added to what
     * failed attempts of this variant spent before (an older llm-patch reports none: the usage stays unknown).
     */
    public void patchReady(String jobId, int k, PatchSummary patch, String patchJson, Instant now) {
        ModelUsage usage = patch.usage();
        List<Object> params = new ArrayList<>(List.of(VariantPhase.COMMIT.dbValue()));
        params.addAll(Arrays.asList(truncate(patch.strategy(), 200), truncate(patch.approach(), 4000), patchJson,
                patch.filesChanged(), patch.linesAdded(), patch.linesRemoved(), truncate(patch.provider(), 100),
                truncate(patch.model(), 200), patch.offline()));
        if (usage != null) {
            params.addAll(usageParams(usage));
        }
        params.addAll(List.of(ts(now), jobId, k, VariantState.RUNNING.name()));
        jdbc.sql("update job_variant set step = ?, attempts = 0, failing_since = null, strategy = ?, approach = ?, patch_json = ?, "
                        + "files_changed = ?, lines_added = ?, lines_removed = ?, provider = ?, model = ?, offline = ?, "
                        + (usage == null ? "" : USAGE_PLUS + ", ")
                        + "error = null, updated_at = ? where job_id = ? and k = ? and state = ?")
                .params(params)
                .update();
    }

    /** → {@link VariantPhase#PULL_REQUEST}: the change is committed as {@code commit}. */
    public void committed(String jobId, int k, String commit, Instant now) {
        moveOn(jobId, k, VariantPhase.PULL_REQUEST, "commit_sha = ?", commit, now);
    }

    /** → {@link VariantPhase#CHECK}: the draft pull request is open; its commit is checked next (round 0). */
    public void pullRequestOpened(String jobId, int k, long prId, String prUrl, Instant now) {
        jdbc.sql("update job_variant set step = ?, attempts = 0, pr_id = ?, pr_url = ?, patch_json = null, "
                        + "error = null, updated_at = ? where job_id = ? and k = ? and state = ? and step = ?")
                .params(VariantPhase.CHECK.dbValue(), prId, truncate(prUrl, 2000), ts(now), jobId, k,
                        VariantState.RUNNING.name(), VariantPhase.PULL_REQUEST.dbValue())
                .update();
    }

    /** {@link VariantPhase#CHECK} → {@link VariantPhase#REPAIR}: the recorded round failed and may be repaired. */
    public void repairing(String jobId, int k, Instant now) {
        jdbc.sql("update job_variant set step = ?, attempts = 0, error = null, updated_at = ? "
                        + "where job_id = ? and k = ? and state = ? and step = ?")
                .params(VariantPhase.REPAIR.dbValue(), ts(now), jobId, k, VariantState.RUNNING.name(),
                        VariantPhase.CHECK.dbValue())
                .update();
    }

    /**
     * Keeps the model's repair of round {@code round}, to be committed; what its calls used adds to the variant's
     * usage. Guarded by the round, so a replay that generated a second repair keeps the first.
     */
    public void repairReady(String jobId, int k, int round, String patchJson, ModelUsage usage, Instant now) {
        List<Object> params = new ArrayList<>(List.of(patchJson));
        params.addAll(usageParams(usage));
        params.addAll(List.of(ts(now), jobId, k, VariantState.RUNNING.name(), VariantPhase.REPAIR.dbValue(), round));
        jdbc.sql("update job_variant set patch_json = ?, " + USAGE_PLUS + ", updated_at = ? "
                        + "where job_id = ? and k = ? and state = ? and step = ? and check_round = ? "
                        + "and patch_json is null")
                .params(params)
                .update();
    }

    /**
     * {@link VariantPhase#REPAIR} → {@link VariantPhase#CHECK}: the repair of round {@code round} is committed as
     * {@code commit}, the variant's latest; its change figures become those of the variant at that commit.
     */
    public void repaired(String jobId, int k, int round, String commit, NetChange change, Instant now) {
        jdbc.sql("update job_variant set step = ?, attempts = 0, error = null, patch_json = null, commit_sha = ?, "
                        + "check_round = check_round + 1, files_changed = ?, lines_added = ?, lines_removed = ?, "
                        + "updated_at = ? where job_id = ? and k = ? and state = ? and step = ? and check_round = ?")
                .params(VariantPhase.CHECK.dbValue(), commit, change.files(), change.added(), change.removed(),
                        ts(now), jobId, k, VariantState.RUNNING.name(), VariantPhase.REPAIR.dbValue(), round)
                .update();
    }

    /** → {@link VariantPhase#DONE}, {@link VariantState#SUCCEEDED}: its draft pull request is open and checked. */
    public void succeeded(String jobId, int k, long durationMs, Instant now) {
        jdbc.sql("update job_variant set state = ?, step = ?, duration_ms = ?, finished_at = ?, patch_json = null, "
                        + "error = null, updated_at = ? where job_id = ? and k = ? and state = ?")
                .params(VariantState.SUCCEEDED.name(), VariantPhase.DONE.dbValue(), durationMs, ts(now), ts(now),
                        jobId, k, VariantState.RUNNING.name())
                .update();
    }

    /**
     * Ends a variant that did not succeed (failed or cancelled). Its phase stays where it stopped, so the status
     * API shows which step it failed in.
     */
    public void ended(String jobId, int k, VariantState state, String error, Long durationMs, Instant now) {
        jdbc.sql("update job_variant set state = ?, error = ?, duration_ms = ?, finished_at = ?, patch_json = null, "
                        + "updated_at = ? where job_id = ? and k = ? and state in (?, ?)")
                .params(state.name(), truncate(error, 4000), durationMs, ts(now), ts(now), jobId, k,
                        VariantState.PENDING.name(), VariantState.RUNNING.name())
                .update();
    }

    /** Counts a failed attempt of the variant's current step; returns the new count. */
    public FailedAttempts attemptFailed(String jobId, int k, String error, Instant now) {
        jdbc.sql("update job_variant set attempts = attempts + 1, failing_since = coalesce(failing_since, ?), "
                        + "error = ?, updated_at = ? where job_id = ? and k = ?")
                .params(ts(now), truncate(error, 4000), ts(now), jobId, k).update();
        return jdbc.sql("select attempts, failing_since from job_variant where job_id = ? and k = ?").params(jobId, k)
                .query((rs, n) -> new FailedAttempts(rs.getInt(1), Rows.instant(rs, "failing_since"))).single();
    }

    /**
     * The variant's current step heard from what it waits for (a pipeline run it follows): the failures counted so
     * far are over, so a later one starts a new row of retries instead of being measured from the first.
     */
    public void attemptsCleared(String jobId, int k, Instant now) {
        jdbc.sql("update job_variant set attempts = 0, failing_since = null, error = null, updated_at = ? "
                        + "where job_id = ? and k = ? and attempts > 0")
                .params(ts(now), jobId, k).update();
    }

    /** Tokens (input and output) and cost in USD, as recorded with variants' changes; unpriced calls add no cost. */
    public record Usage(long tokens, BigDecimal costUsd) {
    }

    /** What the job's variants used so far. */
    public Usage usageOfJob(String jobId) {
        return jdbc.sql("select coalesce(sum(input_tokens + output_tokens), 0), coalesce(sum(cost_usd), 0) "
                        + "from job_variant where job_id = ?")
                .param(jobId).query((rs, n) -> new Usage(rs.getLong(1), rs.getBigDecimal(2))).single();
    }

    /** Cost of the variants of the project's jobs that started in [{@code from}, {@code to}). */
    public BigDecimal costOfProject(String organization, String project, Instant from, Instant to) {
        return jdbc.sql("select coalesce(sum(v.cost_usd), 0) from job_variant v join job j on j.id = v.job_id "
                        + "where j.organization = ? and j.project = ? and v.started_at >= ? and v.started_at < ?")
                .params(organization, project, ts(from), ts(to)).query(BigDecimal.class).single();
    }

    /** Variants of the job that have not reached a final state. */
    public int unfinished(String jobId) {
        return jdbc.sql("select count(*) from job_variant where job_id = ? and state in (?, ?)")
                .params(jobId, VariantState.PENDING.name(), VariantState.RUNNING.name())
                .query(Integer.class).single();
    }

    private void moveOn(String jobId, int k, VariantPhase next, String assignment, Object value, Instant now) {
        jdbc.sql("update job_variant set step = ?, attempts = 0, failing_since = null, error = null, " + assignment + ", updated_at = ? "
                        + "where job_id = ? and k = ? and state = ?")
                .params(next.dbValue(), value, ts(now), jobId, k, VariantState.RUNNING.name())
                .update();
    }

    /** Null when no usage was reported; a null cost stays null (unknown), never 0. */
    private static ModelUsage usage(ResultSet rs) throws SQLException {
        Integer calls = nullableInt(rs, "model_calls");
        return calls == null ? null : new ModelUsage(calls, rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getBigDecimal("cost_usd"));
    }

    private VariantRecord variant(ResultSet rs, int row) throws SQLException {
        return new VariantRecord(
                rs.getString("job_id"),
                rs.getInt("k"),
                VariantState.valueOf(rs.getString("state")),
                VariantPhase.fromDb(rs.getString("step")),
                rs.getInt("attempts"),
                rs.getString("branch"),
                rs.getString("head_commit"),
                rs.getString("strategy"),
                rs.getString("approach"),
                rs.getString("commit_sha"),
                nullableLong(rs, "pr_id"),
                rs.getString("pr_url"),
                nullableInt(rs, "files_changed"),
                nullableInt(rs, "lines_added"),
                nullableInt(rs, "lines_removed"),
                rs.getString("provider"),
                rs.getString("model"),
                rs.getBoolean("offline"),
                nullableLong(rs, "duration_ms"),
                rs.getString("error"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                usage(rs),
                rs.getInt("check_round"),
                Rows.intList(rs.getString("refine_check_rounds")));
    }
}
