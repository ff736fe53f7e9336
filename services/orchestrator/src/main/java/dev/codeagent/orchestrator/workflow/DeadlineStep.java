package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Fires at a job's deadline: an unfinished job is stopped the way a cancellation stops it. */
@Component
public class DeadlineStep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineStep.class);

    private final JobStore jobs;
    private final JobAudit audit;
    private final JobWaker waker;
    private final CheckCancellation checkRuns;
    private final Clock clock;

    public DeadlineStep(JobStore jobs, JobAudit audit, JobWaker waker, CheckCancellation checkRuns, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.waker = waker;
        this.checkRuns = checkRuns;
        this.clock = clock;
    }

    public StepResult run(String jobId, SchedulerClient scheduler) {
        if (jobs.requestCancel(jobId, CancelReason.TIMEOUT, clock.instant())) {
            log.warn("Job {} reached its deadline; stopping it", jobId);
            audit.record(jobId, "timeout", "job deadline reached", clock.instant());
            waker.wake(scheduler, jobId);
            checkRuns.cancelRuns(jobId);
        }
        return StepResult.done();
    }
}
