package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobQueue;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Admits queued jobs ({@link JobQueue}) and starts them at once: the prepare step of each job admitted is brought
 * forward, whichever replica it was scheduled on. A job joins the queue through {@link #enter}; whenever a running
 * job finishes, {@link #admitNext} lets the next ones in. A wake-up lost to a crash costs only time: every queued
 * job looks at the queue again on its own every {@link PrepareStep#QUEUE_RECHECK}, and that look admits what fits.
 */
@Component
public class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final JobQueue queue;
    private final JobAudit audit;
    private final JobWaker waker;
    private final Clock clock;

    public Admission(JobQueue queue, JobAudit audit, JobWaker waker, Clock clock) {
        this.queue = queue;
        this.audit = audit;
        this.waker = waker;
        this.clock = clock;
    }

    /** Puts the job in the queue (a replay keeps its place) and admits what fits; whether this job was admitted. */
    public boolean enter(String jobId, SchedulerClient scheduler) {
        List<String> admitted = queue.enqueue(jobId, clock::instant);
        wake(admitted, jobId, scheduler);
        return admitted.contains(jobId);
    }

    /** Room was freed: admits the queued jobs that fit now and wakes them; returns their ids. */
    public List<String> admitNext(SchedulerClient scheduler) {
        List<String> admitted = queue.admit(clock::instant);
        wake(admitted, null, scheduler);
        return admitted;
    }

    private void wake(List<String> admitted, String self, SchedulerClient scheduler) {
        for (String jobId : admitted) {
            audit.record(jobId, "admitted", "under the caps on running work", clock.instant());
            log.info("Job {} admitted", jobId);
            if (!jobId.equals(self)) {
                waker.wakePrepare(scheduler, jobId);
            }
        }
    }
}
