package dev.codeagent.orchestrator.job;

import dev.codeagent.contracts.check.TestCounts;
import java.time.Instant;
import java.util.List;

/**
 * One Azure DevOps pipeline run that checks a round of a variant ({@code job_pipeline_run}).
 *
 * @param pipeline     as configured (a name or an id)
 * @param pipelineId   null when it could not be resolved ({@code error} says why)
 * @param runId        null when it could not be queued
 * @param result       {@code succeeded}, {@code failed}, {@code canceled} or {@code unknown} once completed
 * @param tests        null when the run published no test results (or has not completed)
 * @param failingTests up to 20, with the first line of each failure
 * @param error        why it could not be queued or read, or why it was stopped
 * @param runState     what Azure DevOps last said of it ({@code inProgress}, {@code canceling}, {@code completed})
 * @param errorLines   why a failed run failed: its timeline's error issues, else the end of the failed task's log
 * @param cancel       its cancellation in Azure DevOps once following it stopped; null when none is due
 * @param cancelNote   why the cancel failed, or how the run had completed before it
 * @param cancelledAt  when the cancellation was settled
 */
public record PipelineRunRecord(
        String jobId,
        int k,
        int round,
        String pipeline,
        String commit,
        Long pipelineId,
        String pipelineName,
        Long runId,
        String runName,
        String webUrl,
        State state,
        String result,
        TestCounts tests,
        List<String> failingTests,
        String error,
        Instant queuedAt,
        Instant finishedAt,
        String runState,
        List<String> errorLines,
        Cancel cancel,
        String cancelNote,
        Instant cancelledAt) {

    /** Where a run is, as stored. */
    public enum State {
        RUNNING("running"), COMPLETED("completed"), TIMED_OUT("timed-out"), STOPPED("stopped"), ERROR("error");

        private final String dbValue;

        State(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }

        static State of(String value) {
            for (State s : values()) {
                if (s.dbValue.equals(value)) {
                    return s;
                }
            }
            throw new IllegalStateException("unknown pipeline run state in the database: " + value);
        }
    }

    /** The cancellation in Azure DevOps of a run the job stopped following, as stored. */
    public enum Cancel {
        PENDING("pending"), CANCELED("canceled"), COMPLETED("completed"), FAILED("failed");

        private final String dbValue;

        Cancel(String dbValue) {
            this.dbValue = dbValue;
        }

        public String dbValue() {
            return dbValue;
        }

        static Cancel of(String value) {
            for (Cancel c : values()) {
                if (c.dbValue.equals(value)) {
                    return c;
                }
            }
            return null;
        }
    }

    public PipelineRunRecord {
        failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
        errorLines = errorLines == null ? List.of() : List.copyOf(errorLines);
    }

    /** A run as recorded when it was queued (or could not be: {@code runId} null, {@code state} error). */
    public static PipelineRunRecord queued(String jobId, int k, int round, String pipeline, String commit,
            Long pipelineId, String pipelineName, Long runId, String runName, String webUrl, State state,
            String runState, String error, Instant queuedAt, Instant finishedAt) {
        return new PipelineRunRecord(jobId, k, round, pipeline, commit, pipelineId, pipelineName, runId, runName,
                webUrl, state, null, null, List.of(), error, queuedAt, finishedAt, runState, List.of(), null, null,
                null);
    }

    /** Still to be looked at again. */
    public boolean running() {
        return state == State.RUNNING;
    }

    /** The pipeline's name as Azure DevOps has it, else as configured. */
    public String displayName() {
        return pipelineName != null ? pipelineName : pipeline;
    }
}
