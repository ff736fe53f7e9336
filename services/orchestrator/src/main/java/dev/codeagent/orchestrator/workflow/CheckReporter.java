package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantRecord;
import org.springframework.stereotype.Component;

/**
 * Tells the pull requests what a variant's last round of checks found: status {@code codeagent/checks} on the
 * variant's draft pull request (succeeded, failed, or error when the checks could not run or did not finish), a comment
 * there with the failing tests and first errors when they failed, and — once per job, whichever variant gets there first — a reply
 * in the command's thread when {@code .codeagent.yml} could not be used. Every write is idempotent (statuses are
 * replaced, comments carry idempotency keys), so a replay repeats nothing.
 */
@Component
public class CheckReporter {

    private final AdapterClient adapter;
    private final CommentRenderer renderer;

    public CheckReporter(AdapterClient adapter, CommentRenderer renderer) {
        this.adapter = adapter;
        this.renderer = renderer;
    }

    public void report(JobRecord job, VariantRecord v, CheckRound last) {
        if (last.configError() != null) {
            adapter.reply(job.repository(), job.pullRequestId(), job.threadId(),
                    new CommentRequest(CheckText.configError(job, last.configError()), job.replyParentId()),
                    "job-" + job.id() + "-check-config");
        }
        if (v.pullRequestId() == null || (!last.ran() && last.error() == null)) {
            return;
        }
        // Only a check that failed or timed out speaks against the code; one that was cancelled (a pipeline run
        // canceled in Azure DevOps) or could not run says nothing about it, like a round the runner could not run.
        StatusState state = last.error() != null ? StatusState.ERROR
                : last.passed() ? StatusState.SUCCEEDED
                : last.repairable() ? StatusState.FAILED : StatusState.ERROR;
        adapter.status(job.repository(), v.pullRequestId(), new StatusRequest(state, StatusRequest.GENRE,
                CheckText.STATUS_NAME, CheckText.statusDescription(last), renderer.jobUrl(job)));
        if (state == StatusState.FAILED) {
            adapter.createThread(job.repository(), v.pullRequestId(),
                    new CommentRequest(CheckText.failures(job, v, last, renderer.jobUrl(job)), null),
                    "job-" + job.id() + "-variant-" + v.k() + "-checks-" + last.round());
        }
    }
}
