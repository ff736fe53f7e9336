package dev.codeagent.contracts.pipeline;

import java.time.Instant;

/**
 * A run of a pipeline.
 *
 * @param pipelineId the pipeline
 * @param runId      the run (also the id of its build: test results are found by {@code vstfs:///Build/Build/{runId}})
 * @param name       the run's name (its build number)
 * @param state      in progress, canceling or completed
 * @param result     null until the run completed
 * @param webUrl     the run's page in Azure DevOps, for people
 * @param createdAt  when it was queued, null when Azure DevOps did not say
 * @param finishedAt when it completed, null before
 * @param created    true when this request queued it, false when an existing run was returned
 */
public record PipelineRun(
        long pipelineId,
        long runId,
        String name,
        PipelineRunState state,
        PipelineRunResult result,
        String webUrl,
        Instant createdAt,
        Instant finishedAt,
        boolean created) {

    public boolean completed() {
        return state == PipelineRunState.COMPLETED;
    }
}
