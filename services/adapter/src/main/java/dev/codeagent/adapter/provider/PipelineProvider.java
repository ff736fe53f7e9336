package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;

/**
 * A git host that runs the repository's own CI pipelines, which the orchestrator uses as checks of a variant
 * ({@code dev.codeagent.contracts.pipeline}). Failures are {@link GitProblems} like every provider's.
 */
public interface PipelineProvider {

    /** The pipeline of the repository's project named {@code nameOrId}; 404 when there is none. */
    PipelineRef pipeline(RepositoryCoordinates repo, String nameOrId);

    /**
     * A run of the pipeline on the branch at the commit: an existing one when there is, else a new one, so a request
     * repeated after a lost answer never starts a second run.
     */
    PipelineRun queueRun(RepositoryCoordinates repo, long pipelineId, QueuePipelineRunRequest request);

    PipelineRun run(RepositoryCoordinates repo, long pipelineId, long runId);

    /** The test results the run published, summed over its test runs. */
    PipelineTests tests(RepositoryCoordinates repo, long pipelineId, long runId);

    /** Why the run failed, from its timeline: error issues, or the end of the failed task's log. */
    PipelineFailure failure(RepositoryCoordinates repo, long pipelineId, long runId);

    /**
     * Asks the git host to cancel the run; a run that completed already, or is being cancelled, is answered as it is
     * without asking again.
     */
    PipelineRunCancellation cancelRun(RepositoryCoordinates repo, long pipelineId, long runId);
}
