package dev.codeagent.contracts.job;

import java.time.Instant;

/**
 * An Azure DevOps pipeline run that checks a round of a variant, as the status API shows it: while the round waits
 * for it (which run, where it stands, for how long) and after (how it ended, whether it was cancelled in Azure DevOps).
 *
 * @param round        the variant's round of checks the run belongs to
 * @param pipeline     the pipeline's name as Azure DevOps has it (as configured when it could not be found)
 * @param pipelineId   null when the pipeline could not be found
 * @param runId        the run (its build id); null when it could not be queued
 * @param runName      the run's name (its build number)
 * @param url          the run's page in Azure DevOps
 * @param state        how following it stands: {@code running}, {@code completed}, {@code timed-out} (past
 *                     {@code CODEAGENT_ADO_CHECK_TIMEOUT} or the job's deadline), {@code stopped} (the job was
 *                     terminated), {@code error} (it could not be queued or read, or the check phase was given up)
 * @param runState     what Azure DevOps last said of it: {@code inProgress}, {@code canceling}, {@code completed}
 * @param result       {@code succeeded}, {@code failed}, {@code canceled} or {@code unknown} once completed
 * @param queuedAt     when it was queued (or found) for the round
 * @param finishedAt   when following it ended; null while running
 * @param elapsedMs    from {@code queuedAt} to {@code finishedAt}, or to now while it runs
 * @param cancellation whether it was cancelled in Azure DevOps after following it ended: {@code pending} (to be
 *                     asked), {@code canceled} (Azure DevOps was asked), {@code completed} (it had completed, nothing
 *                     to cancel), {@code failed} ({@code cancelNote} says why); null when it was not to be cancelled
 * @param cancelNote   why it could not be cancelled, or how it had completed
 * @param error        why it could not be queued or read, or why following it stopped
 */
public record PipelineRunView(
        int round,
        String pipeline,
        Long pipelineId,
        Long runId,
        String runName,
        String url,
        String state,
        String runState,
        String result,
        Instant queuedAt,
        Instant finishedAt,
        Long elapsedMs,
        String cancellation,
        String cancelNote,
        String error) {
}
