package dev.codeagent.contracts.pipeline;

/**
 * The answer to a cancel of a pipeline run.
 *
 * @param pipelineId the pipeline
 * @param runId      the run (its build)
 * @param requested  true when Azure DevOps was asked to cancel the run (by this request or an earlier one); false when
 *                   the run had completed before and there was nothing to cancel
 * @param state      the run's state after the request: {@code canceling} while Azure DevOps stops it, or
 *                   {@code completed}
 * @param result     the run's result once completed, else null
 */
public record PipelineRunCancellation(
        long pipelineId,
        long runId,
        boolean requested,
        PipelineRunState state,
        PipelineRunResult result) {
}
