package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Fires at a job's deadline: an unfinished job is stopped the way a cancellation stops it. */
@Component
public class DeadlineStep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineStep.class);

    private final JobStore store;
    private final JobWaker waker;

    public DeadlineStep(JobStore store, JobWaker waker) {
        this.store = store;
        this.waker = waker;
    }

    public CompletionHandler<Void> run(String jobId, SchedulerClient scheduler) {
        if (store.requestCancel(jobId, JobRecord.CANCEL_TIMEOUT, Times.now())) {
            log.warn("Job {} reached its deadline; stopping it", jobId);
            store.audit(jobId, "timeout", "job deadline reached", Times.now());
            waker.wake(scheduler, jobId);
        }
        return Completions.done();
    }
}
