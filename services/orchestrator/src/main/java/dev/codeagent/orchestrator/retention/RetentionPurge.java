package dev.codeagent.orchestrator.retention;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.config.RetentionProperties;
import dev.codeagent.orchestrator.job.JobStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes jobs (rows and artifacts) that finished longer ago than the retention. Runs as a recurring
 * db-scheduler task, so exactly one replica purges at a time.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    @Bean
    Task<Void> retentionTask(JobStore store, ArtifactStore artifacts, RetentionProperties properties, Clock clock) {
        return Tasks.recurring("codeagent-retention-purge", Schedules.fixedDelay(properties.purgeInterval()))
                .execute((instance, context) -> purge(store, artifacts, properties, clock));
    }

    /** Purges one batch; returns how many jobs were deleted. */
    public static int purge(JobStore store, ArtifactStore artifacts, RetentionProperties properties, Clock clock) {
        List<String> ids = store.finishedBefore(clock.instant().minus(properties.retention()), properties.batchSize());
        for (String id : ids) {
            // Artifacts first: a crash in between leaves a row whose artifacts are gone, never orphaned blobs.
            artifacts.deleteJob(id);
            store.delete(id);
        }
        if (!ids.isEmpty()) {
            log.info("Purged {} jobs finished before the retention of {}", ids.size(), properties.retention());
        }
        return ids.size();
    }
}
