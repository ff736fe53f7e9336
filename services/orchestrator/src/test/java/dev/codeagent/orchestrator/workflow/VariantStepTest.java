package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VariantStepTest extends WorkflowStepTest {

    @Test
    void runsEveryPhaseToADraftPullRequestAndStartsTheNextVariant() {
        String id = f.preparedEditJob(3);

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.step()).isEqualTo(VariantPhase.DONE);
        assertThat(v.branch()).isEqualTo("agents/edit-7-" + f.job(id).shortId() + "-1");
        assertThat(f.repo.branches.get(v.branch())).isEqualTo(v.commitSha()).isNotEqualTo(FakeServices.BASE_COMMIT);
        assertThat(f.repo.commits.get(v.branch())).hasSize(1);
        assertThat(f.repo.pullRequests).singleElement().satisfies(pr -> {
            assertThat(pr.id()).isEqualTo(v.pullRequestId());
            assertThat(pr.request().draft()).isTrue();
            assertThat(pr.request().targetBranch()).isEqualTo("refs/heads/feature");
        });
        assertThat(v.strategy()).isEqualTo("strategy-1");
        assertThat(v.durationMs()).isZero();
        assertThat(artifacts.resolve("jobs/" + id + "/variant-1/report.json")).exists();
        // Variant 3 takes variant 1's place; the fan-in waits for the other two.
        verify(f.scheduler).scheduleIfNotExists(JobTasks.variant(id, 3), WorkflowFixture.START);
        verify(f.scheduler, never()).scheduleIfNotExists(JobTasks.fanIn(id), WorkflowFixture.START);
    }

    @Test
    void thePatchRequestNamesTheRepositorysProjectForTheProviderPolicy() throws Exception {
        String id = f.preparedEditJob(1);

        f.variant.run(id, 1, f.scheduler);

        String project = f.job(id).repository().project();
        assertThat(project).isNotBlank();
        assertThat(Files.readString(artifacts.resolve("jobs/" + id + "/variant-1/request.json")))
                .contains("\"project\":\"" + project + "\"");
    }

    @Test
    void theLastVariantToEndSchedulesTheFanIn() {
        String id = f.preparedEditJob(1);

        f.variant.run(id, 1, f.scheduler);

        verify(f.scheduler).scheduleIfNotExists(JobTasks.fanIn(id), WorkflowFixture.START);
    }

    @Test
    void twoVariantsEndingTogetherBothScheduleTheFanInAndTheLoserStillSucceeds() {
        String id = f.preparedEditJob(1);
        // The other variant's worker inserted the fan-in between this worker's look and its insert.
        TaskInstanceException duplicate = new TaskInstanceException("Failed to add new execution.",
                JobTasks.FAN_IN.getTaskName(), id);
        when(f.scheduler.scheduleIfNotExists(JobTasks.fanIn(id), WorkflowFixture.START)).thenThrow(duplicate);
        when(f.scheduler.getScheduledExecution(TaskInstanceId.of(JobTasks.FAN_IN.getTaskName(), id)))
                .thenReturn(Optional.of(mock(ScheduledExecution.class)));

        StepResult result = f.variant.run(id, 1, f.scheduler);

        assertThat(result).isEqualTo(StepResult.done());
        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.SUCCEEDED);
    }

    @Test
    void aFanInInsertedByTheOtherVariantThatHasAlreadyRunCountsAsScheduled() {
        String id = f.preparedEditJob(1);
        // The other worker's fan-in ran and was removed before this worker's insert failed on its primary key.
        SQLException uniqueViolation = new SQLException("duplicate key value violates unique constraint", "23505");
        when(f.scheduler.scheduleIfNotExists(JobTasks.fanIn(id), WorkflowFixture.START)).thenThrow(
                new TaskInstanceException("Failed to add new execution.", JobTasks.FAN_IN.getTaskName(), id,
                        new RuntimeException(uniqueViolation)));

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());
    }

    @Test
    void aFanInThatCouldNotBeScheduledFailsTheStepSoItIsRetried() {
        String id = f.preparedEditJob(1);
        when(f.scheduler.scheduleIfNotExists(JobTasks.fanIn(id), WorkflowFixture.START))
                .thenThrow(new TaskInstanceException("Failed to add new execution.", JobTasks.FAN_IN.getTaskName(), id));

        assertThatThrownBy(() -> f.variant.run(id, 1, f.scheduler)).isInstanceOf(TaskInstanceException.class);
    }

    @Test
    void aLostAnswerOnTheCommitIsFoundAgainInsteadOfCommittingTwice() throws Exception {
        String id = f.preparedEditJob(1);
        // The commit lands, then its answer is lost (a 503 after processing).
        f.fakes.addFault(Fault.lostAnswer("POST", "/" + f.repository + "/commits", 1, 503));

        StepResult first = f.variant.run(id, 1, f.scheduler);

        assertThat(first.isDone()).isFalse();
        assertThat(f.variant(id, 1).step()).isEqualTo(VariantPhase.COMMIT);
        assertThat(f.variant(id, 1).attempts()).isEqualTo(1);
        f.clock.set(first.runAgainAt());

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.repo.commits.get(v.branch())).as("one commit on the branch").hasSize(1);
        assertThat(v.commitSha()).isEqualTo(f.repo.branches.get(v.branch()));
        assertThat(f.retries("commit")).isEqualTo(1);
        assertThat(Files.readString(artifacts.resolve("jobs/" + id + "/variant-1/response.json")))
                .contains("strategy-1");
    }

    @Test
    void aVariantOverItsTimeOutFailsAtItsNextPhaseWithoutWaiting() {
        String id = f.preparedEditJob(1);
        f.fakes.addFault(Fault.status("POST", "/api/patches", 1, 429, 20));

        StepResult first = f.variant.run(id, 1, f.scheduler);

        assertThat(first).isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plusSeconds(20)));
        f.clock.advance(f.properties.variantTimeout().plusSeconds(1));

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.FAILED);
        assertThat(v.error()).isEqualTo("timed out after 8 min in step patch");
        assertThat(v.step()).as("the phase it stopped in").isEqualTo(VariantPhase.PATCH);
        assertThat(v.durationMs()).isEqualTo(f.properties.variantTimeout().plusSeconds(1).toMillis());
        verify(f.scheduler).scheduleIfNotExists(JobTasks.fanIn(id), f.clock.instant());
    }

    @Test
    void aTransientFailureGivesUpAfterTheLastAttempt() {
        String id = f.preparedEditJob(1);
        f.fakes.addFault(Fault.status("POST", "/" + f.repository + "/branches", 10, 503, 1));

        StepResult result = f.variant.run(id, 1, f.scheduler);
        for (int attempt = 2; attempt <= f.properties.maxAttempts(); attempt++) {
            assertThat(result.isDone()).as("attempt %d is retried", attempt - 1).isFalse();
            f.clock.set(result.runAgainAt());
            result = f.variant.run(id, 1, f.scheduler);
        }

        assertThat(result).isEqualTo(StepResult.done());
        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.FAILED);
        assertThat(v.error()).contains("503").contains("(gave up after 4 attempts in ");
        assertThat(f.retries("branch")).isEqualTo(3);
    }

    @Test
    void aPermanentFailureOfTheModelFailsTheVariantAtOnce() {
        String id = f.preparedEditJob(1);
        f.fakes.patchBehaviour(FakeServices.PatchBehaviour.failing(request -> true));

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.FAILED);
        assertThat(v.error()).contains("422").contains("edits did not apply for variant 1");
        assertThat(f.repo.commits).isEmpty();
    }

    @Test
    void aTerminatedJobCancelsItsVariantsBeforeTheirNextPhase() {
        String id = f.preparedEditJob(1);
        f.jobs.requestCancel(id, CancelReason.TERMINATED, f.clock.instant());

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.CANCELLED);
        assertThat(v.error()).isEqualTo("cancelled on request");
        assertThat(f.repo.agentBranches()).isEmpty();
        assertThat(auditEvents(f.audit, id)).contains("variant-cancelled");
    }

    @Test
    void aJobPastItsDeadlineFailsItsVariantsAsOutOfTime() {
        String id = f.preparedEditJob(1);
        f.clock.advance(f.properties.jobTimeout().plusMinutes(1));

        f.variant.run(id, 1, f.scheduler);

        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.FAILED);
        assertThat(f.variant(id, 1).error()).isEqualTo("stopped: the job ran out of time (30 min)");
        assertThat(f.variant(id, 1).durationMs()).as("it never started").isNull();
    }

    @Test
    void anEndedVariantIsNotRunAgain() {
        String id = f.preparedEditJob(1);
        f.variant.run(id, 1, f.scheduler);
        long requests = f.fakes.requests().size();

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.fakes.requests()).hasSize((int) requests);
        assertThat(f.repo.pullRequests).hasSize(1);
    }

    private static java.util.List<String> auditEvents(JobAudit audit, String id) {
        return audit.trail(id).stream().map(e -> e.event()).toList();
    }
}
