package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.orchestrator.job.AuditEvent;
import dev.codeagent.orchestrator.job.CancelReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class DeadlineStepTest extends WorkflowStepTest {

    @Test
    @SuppressWarnings("unchecked")
    void stopsTheJobAndBringsItsWaitingVariantsForward() {
        String id = f.preparedEditJob(2);
        ScheduledExecution<Object> waiting = Mockito.mock(ScheduledExecution.class);
        TaskInstance<Object> instance = (TaskInstance<Object>) (TaskInstance<?>) JobTasks.variant(id, 2);
        when(waiting.isPicked()).thenReturn(false);
        when(waiting.getTaskInstance()).thenReturn(instance);
        when(f.scheduler.getScheduledExecution(any(TaskInstanceId.class))).thenReturn(Optional.empty());
        when(f.scheduler.getScheduledExecution(JobTasks.variantId(id, 2))).thenReturn(Optional.of(waiting));
        f.clock.advance(f.properties.jobTimeout());

        assertThat(f.deadline.run(id, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.job(id).cancelReason()).isEqualTo(CancelReason.TIMEOUT);
        assertThat(f.audit.trail(id)).extracting(AuditEvent::event).contains("timeout");
        verify(f.scheduler).reschedule(instance, f.clock.instant());
    }

    @Test
    void aJobThatFinishedOrIsAlreadyStoppingIsLeftAlone() {
        String finished = f.editJob(1);
        f.jobs.finish(finished, RuntimeStatus.Completed, Outcome.SUCCESS, null, f.clock.instant());
        String terminated = f.editJob(1);
        f.jobs.requestCancel(terminated, CancelReason.TERMINATED, f.clock.instant());

        f.deadline.run(finished, f.scheduler);
        f.deadline.run(terminated, f.scheduler);

        assertThat(f.job(finished).cancelReason()).isNull();
        assertThat(f.job(terminated).cancelReason()).isEqualTo(CancelReason.TERMINATED);
        verify(f.scheduler, times(0)).getScheduledExecution(any(TaskInstanceId.class));
    }
}
