package dev.codeagent.orchestrator.workflow;

import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.job.FailedAttempts;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.metrics.OrchestratorMetrics;
import dev.codeagent.platform.web.CorrelationId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every step of a job does around its own work: it acts only on a job that exists and has not finished
 * (a step may run again after the job ended, replayed by the scheduler), it logs under the job's correlation id,
 * and after a failed call it decides, with the {@link RetryPolicy}, whether and when to try again.
 */
@Component
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final JobStore jobs;
    private final RetryPolicy retry;
    private final OrchestratorMetrics metrics;
    private final Clock clock;

    public StepRunner(JobStore jobs, RetryPolicy retry, OrchestratorMetrics metrics, Clock clock) {
        this.jobs = jobs;
        this.retry = retry;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Runs {@code work} on the job when it exists and has not finished, under the job's correlation id. */
    public StepResult onJob(String jobId, Function<JobRecord, StepResult> work) {
        JobRecord job = jobs.find(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return StepResult.done();
        }
        try (CorrelationId.Scope ignored = CorrelationId.open(job.corrId())) {
            return work.apply(job);
        }
    }

    /**
     * After a failed attempt of a step: the time of the next attempt, or empty when the failure is final (not
     * transient, or both the attempts and the retry deadline are used up).
     *
     * @param step    the step's name in the {@code codeagent.step.retries} metric
     * @param subject what failed, for the log ("Job … variant 2 step patch")
     * @param failed  the step's failures in a row, as recorded
     */
    public Optional<Instant> retryAt(String step, String subject, CallFailure failure, FailedAttempts failed) {
        Instant now = clock.instant();
        if (!failure.isTransient() || !retry.mayRetry(failed.attempts(), failed.since(), now)) {
            return Optional.empty();
        }
        metrics.stepRetried(step);
        Instant next = retry.nextAttempt(failed.attempts(), failure, now);
        log.info("{} failed ({}), attempt {} (at least {}, retried until {}), next at {}", subject,
                failure.getMessage(), failed.attempts(), retry.maxAttempts(), retry.retryUntil(failed.since()), next);
        return Optional.of(next);
    }
}
