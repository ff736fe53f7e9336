package dev.codeagent.orchestrator.workflow;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.function.BiFunction;
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
        return task(JobTasks.PREPARE, step::run);
    }

    @Bean
    Task<Void> variantTask(VariantStep step) {
        return task(JobTasks.VARIANT, (id, scheduler) -> step.run(JobTasks.jobOf(id), JobTasks.kOf(id), scheduler));
    }

    @Bean
    Task<Void> fanInTask(FanInStep step) {
        return task(JobTasks.FAN_IN, step::run);
    }

    @Bean
    Task<Void> deadlineTask(DeadlineStep step) {
        return task(JobTasks.DEADLINE, step::run);
    }

    @Bean
    Task<Void> pipelineCancelTask(PipelineCancelStep step) {
        return task(JobTasks.PIPELINE_CANCEL, (id, scheduler) -> step.run(id));
    }

    /** A task that runs {@code step} with the instance id and tells db-scheduler what the step asked for. */
    private static Task<Void> task(TaskDescriptor<Void> descriptor,
            BiFunction<String, SchedulerClient, StepResult> step) {
        return Tasks.custom(descriptor)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(UNEXPECTED_FAILURE_BACKOFF))
                .onDeadExecutionRevive()
                .execute((instance, context) -> completion(step.apply(instance.getId(), context.getSchedulerClient())));
    }

    static CompletionHandler<Void> completion(StepResult result) {
        if (result.isDone()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        return (complete, operations) -> operations.reschedule(complete, result.runAgainAt());
    }
}
