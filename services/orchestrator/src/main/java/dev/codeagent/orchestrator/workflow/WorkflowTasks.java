package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the job's steps as db-scheduler tasks. Failures the steps handle themselves (calls to other
 * services) are retried with the workflow's policy; anything else that escapes a step (the database briefly
 * unavailable, say) is retried by db-scheduler with exponential backoff. An execution whose replica died is
 * revived by another replica after the missed heartbeats.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowTasks {

    private static final Duration UNEXPECTED_FAILURE_BACKOFF = Duration.ofSeconds(2);

    @Bean
    Task<Void> prepareTask(PrepareStep step) {
        return Tasks.custom(JobTasks.PREPARE)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(UNEXPECTED_FAILURE_BACKOFF))
                .onDeadExecutionRevive()
                .execute((instance, context) -> step.run(instance.getId(), context.getSchedulerClient()));
    }

    @Bean
    Task<Void> variantTask(VariantStep step) {
        return Tasks.custom(JobTasks.VARIANT)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(UNEXPECTED_FAILURE_BACKOFF))
                .onDeadExecutionRevive()
                .execute((instance, context) -> step.run(JobTasks.jobOf(instance.getId()),
                        JobTasks.kOf(instance.getId()), context.getSchedulerClient()));
    }

    @Bean
    Task<Void> fanInTask(FanInStep step) {
        return Tasks.custom(JobTasks.FAN_IN)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(UNEXPECTED_FAILURE_BACKOFF))
                .onDeadExecutionRevive()
                .execute((instance, context) -> step.run(instance.getId(), context.getSchedulerClient()));
    }

    @Bean
    Task<Void> deadlineTask(DeadlineStep step) {
        return Tasks.custom(JobTasks.DEADLINE)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(UNEXPECTED_FAILURE_BACKOFF))
                .onDeadExecutionRevive()
                .execute((instance, context) -> step.run(instance.getId(), context.getSchedulerClient()));
    }
}
