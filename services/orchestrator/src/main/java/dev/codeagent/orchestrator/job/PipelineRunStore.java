package dev.codeagent.orchestrator.job;

import static dev.codeagent.orchestrator.job.Rows.instant;
import static dev.codeagent.orchestrator.job.Rows.nullableInt;
import static dev.codeagent.orchestrator.job.Rows.nullableLong;
import static dev.codeagent.orchestrator.job.Rows.truncate;
import static dev.codeagent.orchestrator.job.Rows.ts;

import dev.codeagent.contracts.check.TestCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Azure DevOps pipeline runs of check rounds ({@code job_pipeline_run}) and the runner's answers kept while they
 * run ({@code job_check_pending}). A run is written once when it was queued (or could not be) and once more when it
 * ended; the first write of either wins, so a replayed step acts on what was recorded first. A run the job stopped
 * following is marked for cancellation in Azure DevOps when it stops, and settled once the cancel was asked for.
 */
@Repository
public class PipelineRunStore {

    private static final String COLUMNS = "job_id, k, round, pipeline, commit_sha, pipeline_id, pipeline_name, run_id, "
            + "run_name, web_url, state, result, tests_passed, tests_failed, tests_skipped, failing_tests, error, "
            + "queued_at, finished_at, run_state, error_lines, cancel_state, cancel_note, cancelled_at";
    private static final String KEY = "where job_id = ? and k = ? and round = ? and pipeline = ?";
    private static final String RUNNING = KEY + " and state = ?";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PipelineRunStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a run as queued, or (state error, no run) as one that could not be; a run recorded already stays. */
    public void record(PipelineRunRecord r) {
        TestCounts tests = r.tests();
        try {
            jdbc.sql("insert into job_pipeline_run (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(Arrays.asList(r.jobId(), r.k(), r.round(), r.pipeline(), r.commit(), r.pipelineId(),
                            truncate(r.pipelineName(), 200), r.runId(), truncate(r.runName(), 200),
                            truncate(r.webUrl(), 1000), r.state().dbValue(), r.result(),
                            tests == null ? null : tests.passed(), tests == null ? null : tests.failed(),
                            tests == null ? null : tests.skipped(), json.writeValueAsString(r.failingTests()),
                            truncate(r.error(), 2000), ts(r.queuedAt()), ts(r.finishedAt()), r.runState(),
                            json.writeValueAsString(r.errorLines()), r.cancel() == null ? null : r.cancel().dbValue(),
                            truncate(r.cancelNote(), 1000), ts(r.cancelledAt())))
                    .update();
        } catch (DuplicateKeyException e) {
            // Recorded by an earlier run of the same step: the variant follows that run.
        }
    }

    /**
     * Records how a running run ended (completed, or could not be read); one that ended already keeps its first ending.
     * {@code errorLines}: why a failed run failed.
     */
    public void ended(PipelineRunRecord run, PipelineRunRecord.State state, String result, TestCounts tests,
            List<String> failingTests, List<String> errorLines, String error, Instant at) {
        jdbc.sql("update job_pipeline_run set state = ?, result = ?, tests_passed = ?, tests_failed = ?, "
                        + "tests_skipped = ?, failing_tests = ?, error_lines = ?, error = ?, finished_at = ?, "
                        + "run_state = ? " + RUNNING)
                .params(Arrays.asList(state.dbValue(), result, tests == null ? null : tests.passed(),
                        tests == null ? null : tests.failed(), tests == null ? null : tests.skipped(),
                        json.writeValueAsString(failingTests == null ? List.of() : failingTests),
                        json.writeValueAsString(errorLines == null ? List.of() : errorLines),
                        truncate(error, 2000), ts(at),
                        state == PipelineRunRecord.State.COMPLETED ? "completed" : run.runState(), run.jobId(), run.k(),
                        run.round(), run.pipeline(), PipelineRunRecord.State.RUNNING.dbValue()))
                .update();
    }

    /**
     * Stops following a running run ({@code state} timed out, stopped or error) for {@code reason}; a run that Azure
     * DevOps queued is marked for cancellation there, in the same write, so no crash can forget it.
     */
    public void stopped(PipelineRunRecord run, PipelineRunRecord.State state, String reason, Instant at) {
        jdbc.sql("update job_pipeline_run set state = ?, error = ?, finished_at = ?, cancel_state = case when run_id "
                        + "is null then null else ? end " + RUNNING)
                .params(Arrays.asList(state.dbValue(), truncate(reason, 2000), ts(at),
                        PipelineRunRecord.Cancel.PENDING.dbValue(), run.jobId(), run.k(), run.round(), run.pipeline(),
                        PipelineRunRecord.State.RUNNING.dbValue()))
                .update();
    }

    /** Records what Azure DevOps says of a running run; true when that changed. */
    public boolean seen(PipelineRunRecord run, String runState) {
        return jdbc.sql("update job_pipeline_run set run_state = ? " + RUNNING
                        + " and (run_state is null or run_state <> ?)")
                .params(runState, run.jobId(), run.k(), run.round(), run.pipeline(),
                        PipelineRunRecord.State.RUNNING.dbValue(), runState)
                .update() > 0;
    }

    /** The job's runs whose cancellation in Azure DevOps is still to be asked for. */
    public List<PipelineRunRecord> cancelsPending(String jobId) {
        return jdbc.sql("select " + COLUMNS + " from job_pipeline_run where job_id = ? and cancel_state = ? "
                        + "order by queued_at, k, round, pipeline")
                .params(jobId, PipelineRunRecord.Cancel.PENDING.dbValue()).query(this::row).list();
    }

    /** Whether runs of the job wait for their cancellation in Azure DevOps; asked after every run of a variant step. */
    public boolean cancelsDue(String jobId) {
        return jdbc.sql("select 1 from job_pipeline_run where job_id = ? and cancel_state = ? limit 1")
                .params(jobId, PipelineRunRecord.Cancel.PENDING.dbValue()).query(Integer.class).optional()
                .isPresent();
    }

    /** Counts a failed attempt to cancel the run; answers the failures in a row, for the retry policy. */
    public FailedAttempts cancelFailed(PipelineRunRecord run, String error, Instant at) {
        jdbc.sql("update job_pipeline_run set cancel_attempts = cancel_attempts + 1, cancel_note = ?, "
                        + "cancel_failing_since = coalesce(cancel_failing_since, ?) " + KEY)
                .params(Arrays.asList(truncate(error, 1000), ts(at), run.jobId(), run.k(), run.round(),
                        run.pipeline()))
                .update();
        return jdbc.sql("select cancel_attempts, cancel_failing_since from job_pipeline_run " + KEY)
                .params(run.jobId(), run.k(), run.round(), run.pipeline())
                .query((rs, n) -> new FailedAttempts(rs.getInt("cancel_attempts"), instant(rs, "cancel_failing_since")))
                .single();
    }

    /** Settles a pending cancellation ({@code cancel} canceled, completed or failed, {@code note} why). */
    public void cancelSettled(PipelineRunRecord run, PipelineRunRecord.Cancel cancel, String note, Instant at) {
        jdbc.sql("update job_pipeline_run set cancel_state = ?, cancel_note = ?, cancelled_at = ? " + KEY
                        + " and cancel_state = ?")
                .params(Arrays.asList(cancel.dbValue(), truncate(note, 1000), ts(at), run.jobId(), run.k(),
                        run.round(), run.pipeline(), PipelineRunRecord.Cancel.PENDING.dbValue()))
                .update();
    }

    public Optional<PipelineRunRecord> run(String jobId, int k, int round, String pipeline) {
        return jdbc.sql("select " + COLUMNS + " from job_pipeline_run where job_id = ? and k = ? and round = ? "
                        + "and pipeline = ?")
                .params(jobId, k, round, pipeline).query(this::row).optional();
    }

    /** Every run of the job, by variant, round and the order they were queued. */
    public List<PipelineRunRecord> runs(String jobId) {
        return jdbc.sql("select " + COLUMNS + " from job_pipeline_run where job_id = ? "
                        + "order by k, round, queued_at, pipeline")
                .params(jobId).query(this::row).list();
    }

    /** The runs of a round, in the order they were queued. */
    public List<PipelineRunRecord> runs(String jobId, int k, int round) {
        return jdbc.sql("select " + COLUMNS + " from job_pipeline_run where job_id = ? and k = ? and round = ? "
                        + "order by queued_at, pipeline")
                .params(jobId, k, round).query(this::row).list();
    }

    /** Keeps the runner's answer for a round whose pipelines still run; an answer kept already stays. */
    public void keepPending(String jobId, int k, int round, String resultJson, Instant at) {
        try {
            jdbc.sql("insert into job_check_pending (job_id, k, round, result_json, created_at) values (?, ?, ?, ?, ?)")
                    .params(jobId, k, round, resultJson, ts(at)).update();
        } catch (DuplicateKeyException e) {
            // Kept by an earlier run of the same step.
        }
    }

    public Optional<String> pending(String jobId, int k, int round) {
        return jdbc.sql("select result_json from job_check_pending where job_id = ? and k = ? and round = ?")
                .params(jobId, k, round).query(String.class).optional();
    }

    private PipelineRunRecord row(ResultSet rs, int n) throws SQLException {
        Integer passed = nullableInt(rs, "tests_passed");
        String failing = rs.getString("failing_tests");
        String errorLines = rs.getString("error_lines");
        return new PipelineRunRecord(rs.getString("job_id"), rs.getInt("k"), rs.getInt("round"),
                rs.getString("pipeline"), rs.getString("commit_sha"), nullableLong(rs, "pipeline_id"),
                rs.getString("pipeline_name"), nullableLong(rs, "run_id"), rs.getString("run_name"),
                rs.getString("web_url"), PipelineRunRecord.State.of(rs.getString("state")), rs.getString("result"),
                passed == null ? null : new TestCounts(passed, rs.getInt("tests_failed"), rs.getInt("tests_skipped")),
                failing == null ? List.of() : json.readValue(failing, STRINGS), rs.getString("error"),
                instant(rs, "queued_at"), instant(rs, "finished_at"), rs.getString("run_state"),
                errorLines == null ? List.of() : json.readValue(errorLines, STRINGS),
                PipelineRunRecord.Cancel.of(rs.getString("cancel_state")), rs.getString("cancel_note"),
                instant(rs, "cancelled_at"));
    }
}
