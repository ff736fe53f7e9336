package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.job.FailedAttempts;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.PipelineRunRecord;
import dev.codeagent.orchestrator.job.PipelineRunRecord.Cancel;
import dev.codeagent.orchestrator.job.PipelineRunStore;
import dev.codeagent.platform.web.CorrelationId;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Cancels in Azure DevOps the pipeline runs a job stopped following ({@link PipelineChecks#stop}: the job was
 * terminated or ran out of time, a run passed {@code CODEAGENT_ADO_CHECK_TIMEOUT}, a variant's check phase was given
 * up), so they stop holding the organization's agents. Its own task, one per job, because the variant that stopped
 * following them has ended by then and the job may have finished: a throttled or unavailable adapter is retried with
 * the workflow's policy, while nothing waits for the outcome. Each run is asked once (the adapter leaves a completed
 * run, or one being cancelled, alone), and the outcome is recorded on the run for the status API.
 */
@Component
public class PipelineCancelStep {

    private static final Logger log = LoggerFactory.getLogger(PipelineCancelStep.class);

    private final JobStore jobs;
    private final PipelineRunStore runs;
    private final AdapterClient adapter;
    private final StepRunner runner;
    private final Clock clock;

    public PipelineCancelStep(JobStore jobs, PipelineRunStore runs, AdapterClient adapter, StepRunner runner,
            Clock clock) {
        this.jobs = jobs;
        this.runs = runs;
        this.adapter = adapter;
        this.runner = runner;
        this.clock = clock;
    }

    /** True when runs of the job wait for their cancellation: its task is then scheduled. */
    public boolean due(String jobId) {
        return runs.cancelsDue(jobId);
    }

    public StepResult run(String jobId) {
        JobRecord job = jobs.find(jobId).orElse(null);
        if (job == null) {
            return StepResult.done();
        }
        try (CorrelationId.Scope ignored = CorrelationId.open(job.corrId())) {
            Instant next = null;
            for (PipelineRunRecord run : runs.cancelsPending(jobId)) {
                Optional<Instant> again = cancel(job, run);
                if (again.isPresent() && (next == null || again.get().isBefore(next))) {
                    next = again.get();
                }
            }
            if (next == null && due(jobId)) {
                // Marked by another variant while this ran: its scheduling found this instance still running.
                next = clock.instant();
            }
            return next == null ? StepResult.done() : StepResult.runAgainAt(next);
        }
    }

    /** Asks for one run's cancel; answers when to ask again after a transient failure. */
    private Optional<Instant> cancel(JobRecord job, PipelineRunRecord run) {
        try {
            PipelineRunCancellation answer = adapter.cancelPipelineRun(job.repository(), run.pipelineId(),
                    run.runId());
            if (answer.requested()) {
                runs.cancelSettled(run, Cancel.CANCELED, null, clock.instant());
                log.info("Job {} variant {}: run {} of pipeline {} cancelled in Azure DevOps ({})", job.id(), run.k(),
                        run.runId(), run.displayName(), run.error());
            } else {
                String result = answer.result() == null ? "unknown" : answer.result().name().toLowerCase(Locale.ROOT);
                runs.cancelSettled(run, Cancel.COMPLETED, "it had completed (" + result + ")", clock.instant());
                log.info("Job {} variant {}: run {} of pipeline {} had completed ({}); nothing to cancel", job.id(),
                        run.k(), run.runId(), run.displayName(), result);
            }
            return Optional.empty();
        } catch (CallFailure e) {
            FailedAttempts failed = runs.cancelFailed(run, e.getMessage(), clock.instant());
            Optional<Instant> retryAt = runner.retryAt("pipeline-cancel", "Job " + job.id() + " cancel of run "
                    + run.runId() + " of pipeline " + run.displayName(), e, failed);
            if (retryAt.isEmpty()) {
                runs.cancelSettled(run, Cancel.FAILED, e.getMessage(), clock.instant());
                log.warn("Job {} variant {}: run {} of pipeline {} not cancelled in Azure DevOps: {}", job.id(),
                        run.k(), run.runId(), run.displayName(), e.getMessage());
            }
            return retryAt;
        }
    }
}
