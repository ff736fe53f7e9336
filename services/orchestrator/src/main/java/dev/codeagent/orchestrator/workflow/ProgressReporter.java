package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.PipelineRunStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import dev.codeagent.platform.concurrent.DaemonThreads;
import dev.codeagent.platform.web.CorrelationId;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rewrites the progress reply in place from the database's current state, at most once per
 * {@code progressInterval} and job: variants that end close together (and the ten variants of a large job)
 * become one edit of the comment instead of one each, which spares the git host's rate limit. The rewrite
 * happens {@code progressInterval} after the first change it covers, from the state at that moment.
 *
 * <p>Best effort by design: a lost or failed rewrite is not worth failing a variant for, the next change
 * rewrites the whole reply, and the job's last step always writes its final state. Once every variant has
 * ended the rewrite is left to that last step, so the two never race.
 */
@Component
public class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final JobStore jobs;
    private final VariantStore variants;
    private final AdapterClient adapter;
    private final CommentRenderer renderer;
    private final PipelineRunStore pipelineRuns;
    private final Duration interval;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("codeagent-progress"));

    public ProgressReporter(JobStore jobs, VariantStore variants, AdapterClient adapter, CommentRenderer renderer,
            PipelineRunStore pipelineRuns, WorkflowProperties properties) {
        this.jobs = jobs;
        this.variants = variants;
        this.adapter = adapter;
        this.renderer = renderer;
        this.pipelineRuns = pipelineRuns;
        this.interval = properties.progressInterval();
    }

    /** Something the progress reply shows has changed for this job. */
    public void changed(String jobId) {
        if (pending.add(jobId)) {
            timer.schedule(() -> rewrite(jobId), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void rewrite(String jobId) {
        pending.remove(jobId);
        try {
            JobRecord job = jobs.find(jobId).orElse(null);
            if (job == null || job.progressCommentId() == null || job.status().isTerminal()) {
                return;
            }
            List<VariantRecord> current = variants.variants(jobId);
            if (current.stream().allMatch(v -> v.state().isTerminal())) {
                return;
            }
            try (CorrelationId.Scope ignored = CorrelationId.open(job.corrId())) {
                adapter.updateComment(job.repository(), job.pullRequestId(), job.progressThreadId(),
                        job.progressCommentId(), new CommentRequest(renderer.progress(job, current, pipelineRuns.runs(jobId)), null));
            }
        } catch (CallFailure e) {
            log.warn("Progress reply of job {} not updated: {}", jobId, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Progress reply of job {} not updated", jobId, e);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
