/**
 * The adapter's Azure DevOps pipeline API, used by the orchestrator to run a repository's pipelines as checks of a
 * variant commit. Paths are relative to {@code /api/v1/repositories/{provider}/{organization}/{project}/{repository}}:
 *
 * <pre>
 * GET  /pipelines?pipeline={name or id}                       → {@link PipelineRef} (404 when there is none)
 * POST /pipelines/{pipelineId}/runs  {@link QueuePipelineRunRequest} → {@link PipelineRun} (201 queued, 200 reused)
 * GET  /pipelines/{pipelineId}/runs/{runId}                   → {@link PipelineRun}
 * GET  /pipelines/{pipelineId}/runs/{runId}/tests             → {@link PipelineTests}
 * GET  /pipelines/{pipelineId}/runs/{runId}/failure           → {@link PipelineFailure}
 * POST /pipelines/{pipelineId}/runs/{runId}/cancel            → {@link PipelineRunCancellation}
 * </pre>
 *
 * Queueing is idempotent: the adapter first looks for a run of the pipeline on the branch at the commit and reuses it,
 * so a request repeated after a lost answer does not start a second run. Cancelling is idempotent as well: a run that
 * completed already is answered with {@code requested: false}, one being cancelled is not asked again. Only the
 * {@code azure-devops} provider has pipelines; the {@code local} one answers 422 {@code unprocessable}. A refusal is a
 * 403 {@code permission} problem whose {@code requiredScope} names the scope the credential lacks
 * ({@code vso.build_execute} to queue and cancel, {@code vso.build} to read runs, timelines and logs, {@code vso.test}).
 */
package dev.codeagent.contracts.pipeline;
