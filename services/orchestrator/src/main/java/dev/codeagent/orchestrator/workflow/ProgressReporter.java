package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rewrites the progress reply in place from the database's current state. Best effort: a progress update
 * that fails is not worth failing a variant for, and the final summary rewrites it anyway.
 */
@Component
public class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final JobStore store;
    private final AdapterClient adapter;
    private final CommentRenderer renderer;

    public ProgressReporter(JobStore store, AdapterClient adapter, CommentRenderer renderer) {
        this.store = store;
        this.adapter = adapter;
        this.renderer = renderer;
    }

    public void update(String jobId) {
        JobRecord job = store.find(jobId).orElse(null);
        if (job == null || job.progressCommentId() == null || job.status().isTerminal()) {
            return;
        }
        try {
            adapter.updateComment(job.repository(), job.pullRequestId(), job.progressThreadId(),
                    job.progressCommentId(), new CommentRequest(renderer.progress(job, store.variants(jobId)), null));
        } catch (CallFailure e) {
            log.warn("Progress reply of job {} not updated: {}", jobId, e.getMessage());
        }
    }
}
