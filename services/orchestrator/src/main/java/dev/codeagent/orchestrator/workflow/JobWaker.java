package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a cancellation or timeout, brings the job's waiting steps (retries in backoff) forward to now, so
 * they notice at once instead of at their next retry; after an admission, the admitted job's prepare step, so it
 * starts at once instead of at its next look at the queue.
 */
@Component
public class JobWaker {

    private static final Logger log = LoggerFactory.getLogger(JobWaker.class);

    private final VariantStore variants;
    private final Clock clock;

    public JobWaker(VariantStore variants, Clock clock) {
        this.variants = variants;
        this.clock = clock;
    }

    public void wake(SchedulerClient scheduler, String jobId) {
        wakePrepare(scheduler, jobId);
        for (VariantRecord v : variants.variants(jobId)) {
            if (!v.state().isTerminal()) {
                bringForward(scheduler, JobTasks.VARIANT.getTaskName(), jobId + "/" + v.k());
            }
        }
    }

    /** Brings the job's prepare step forward: a queued job that was just admitted starts at once. */
    public void wakePrepare(SchedulerClient scheduler, String jobId) {
        bringForward(scheduler, JobTasks.PREPARE.getTaskName(), jobId);
    }

    private void bringForward(SchedulerClient scheduler, String task, String id) {
        try {
            scheduler.getScheduledExecution(TaskInstanceId.of(task, id))
                    .filter(e -> !e.isPicked())
                    .ifPresent(e -> scheduler.reschedule(e.getTaskInstance(), clock.instant()));
        } catch (RuntimeException e) {
            // Picked meanwhile or already finished: the running step checks the job at its next boundary.
            log.debug("Could not bring {} {} forward: {}", task, id, e.getMessage());
        }
    }
}
