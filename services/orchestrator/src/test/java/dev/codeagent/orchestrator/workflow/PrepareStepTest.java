package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.OrchestratorTestClient;
import dev.codeagent.orchestrator.fake.FakeRepository;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.AuditEvent;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrepareStepTest extends WorkflowStepTest {

    @Test
    void editJobPostsProgressAndPendingStatusGathersContextAndSchedulesTheFirstVariants() {
        String id = f.editJob(3);

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());

        JobRecord job = f.job(id);
        assertThat(job.status()).isEqualTo(RuntimeStatus.Running);
        assertThat(job.step()).isEqualTo(JobPhase.FAN_OUT);
        assertThat(job.baseCommit()).isEqualTo(FakeServices.BASE_COMMIT);
        assertThat(job.progressCommentId()).isNotNull();
        assertThat(f.repo.comments.get(job.progressCommentId())).contains("working on 3 variants");
        assertThat(f.repo.lastStatus().state()).isEqualTo(StatusState.PENDING);
        assertThat(f.jobs.context(id)).get().asString().contains("src/Login.java");
        // Two at a time: variant 3 starts when variant 1 ends.
        verify(f.scheduler).scheduleIfNotExists(JobTasks.variant(id, 1), WorkflowFixture.START);
        verify(f.scheduler).scheduleIfNotExists(JobTasks.variant(id, 2), WorkflowFixture.START);
        verify(f.scheduler, never()).scheduleIfNotExists(JobTasks.variant(id, 3), WorkflowFixture.START);
        verify(f.scheduler).scheduleIfNotExists(JobTasks.deadline(id), job.deadlineAt());
        assertThat(f.audit.trail(id)).extracting(AuditEvent::event).containsExactly("started", "admitted", "context");
        assertThat(repositoryRequests()).first().as("who may trigger is asked before anything else")
                .isEqualTo("POST " + permissionPath());
    }

    @Test
    void anAuthorWhoMayNotTriggerGetsOneReplyAndTheJobIsRejectedWithoutWork() {
        f.repo.deny("dev@example.com");
        String id = f.editJob(3);

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());

        JobRecord job = f.job(id);
        assertThat(job.status()).isEqualTo(RuntimeStatus.Completed);
        assertThat(job.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(job.error()).isEqualTo("not allowed: dev@example.com is not a member of [Shop]\\Contributors");
        assertThat(f.repo.comments.values()).singleElement().asString()
                .startsWith("@Dev, only members of \\[Shop\\]\\\\Contributors can ask Code Agent for changes.");
        assertThat(f.repo.commentsByKey).containsOnlyKeys("job-" + id + "-denied");
        assertThat(repositoryRequests()).containsExactly("POST " + permissionPath(),
                "POST /api/v1/repositories/local/local/local/" + f.repository + "/pull-requests/7/threads/1/comments");
        assertThat(f.repo.statuses).isEmpty();
        assertThat(f.variants.variants(id)).allSatisfy(v -> {
            assertThat(v.state()).isEqualTo(VariantState.CANCELLED);
            assertThat(v.error()).isEqualTo(job.error());
        });
        verifyNoInteractions(f.scheduler);
        assertThat(f.audit.trail(id)).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("rejected");
            assertThat(event.detail()).startsWith("author dev@example.com: ");
        });
        assertThat(f.meters.get("codeagent.jobs.finished").tags("status", "completed", "outcome", "rejected")
                .counter().count()).isEqualTo(1);

        assertThat(f.prepare.run(id, f.scheduler)).as("a replay of a finished job").isEqualTo(StepResult.done());
        assertThat(f.repo.comments).hasSize(1);
    }

    @Test
    void aPermissionCheckThatFailsIsRetriedBeforeAnythingIsDone() {
        String id = f.editJob(2);
        f.fakes.addFault(Fault.status("POST", "/" + f.repository + "/trigger-permission", 1, 503, 7));

        StepResult result = f.prepare.run(id, f.scheduler);

        assertThat(result).isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plusSeconds(7)));
        JobRecord waiting = f.job(id);
        assertThat(waiting.status()).isEqualTo(RuntimeStatus.Running);
        assertThat(waiting.step()).isEqualTo(JobPhase.AUTHORIZE);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(f.repo.comments).isEmpty();
        verify(f.scheduler, never()).scheduleIfNotExists(any(), any(Instant.class));

        f.clock.advance(Duration.ofSeconds(7));
        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.job(id).step()).isEqualTo(JobPhase.FAN_OUT);
        assertThat(f.repo.comments.values()).singleElement().asString().contains("working on 2 variants");
        assertThat(f.fakes.count("POST", permissionPath())).isEqualTo(2);
    }

    @Test
    void aPermissionCheckThatKeepsFailingFailsClosedWithAReplyThatSaysWhy() {
        String id = f.editJob(2);
        f.fakes.addFault(Fault.status("POST", "/" + f.repository + "/trigger-permission", 100, 503, null));

        StepResult result = f.prepare.run(id, f.scheduler);
        for (int attempt = 1; !result.isDone(); attempt++) {
            assertThat(attempt).as("attempts").isLessThan(f.properties.maxAttempts());
            f.clock.set(result.runAgainAt());
            result = f.prepare.run(id, f.scheduler);
        }

        JobRecord job = f.job(id);
        assertThat(job.status()).isEqualTo(RuntimeStatus.Failed);
        assertThat(job.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(job.error()).startsWith("not started: who may trigger could not be checked: ").contains("503");
        assertThat(f.fakes.count("POST", permissionPath())).isEqualTo(f.properties.maxAttempts());
        assertThat(f.repo.comments.values()).singleElement().asString()
                .startsWith("@Dev, Code Agent could not check whether you may ask it for changes, so it did nothing: ")
                .contains("503");
        assertThat(f.repo.statuses).isEmpty();
        assertThat(f.repo.agentBranches()).isEmpty();
        assertThat(f.variants.variants(id)).extracting(VariantRecord::state).containsOnly(VariantState.FAILED);
        verify(f.scheduler, never()).scheduleIfNotExists(any(), any(Instant.class));
        assertThat(f.audit.trail(id)).extracting(AuditEvent::event).containsExactly("failed");
    }

    @Test
    void aPermissionCheckRefusedForGoodFailsClosedAtOnce() {
        String id = f.editJob(1);
        f.fakes.addFault(Fault.status("POST", "/" + f.repository + "/trigger-permission", 1, 403, null));

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.job(id).status()).isEqualTo(RuntimeStatus.Failed);
        assertThat(f.retries("prepare")).isZero();
        assertThat(f.repo.comments.values()).singleElement().asString().contains("403");
    }

    private String permissionPath() {
        return "/api/v1/repositories/local/local/local/" + f.repository + "/trigger-permission";
    }

    /** What the fake git host was asked about this test's repository, in order. */
    private List<String> repositoryRequests() {
        return f.fakes.requests().stream().filter(r -> r.contains("/" + f.repository + "/")
                || r.endsWith("/" + f.repository)).toList();
    }

    @Test
    void replayAfterTheContextWasStoredNeitherRepliesNorGathersAgain() {
        String id = f.preparedEditJob(2);
        long requests = f.fakes.count("POST", f.repository);

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.fakes.count("POST", f.repository)).isEqualTo(requests);
        assertThat(f.repo.comments).hasSize(1);
        assertThat(f.job(id).step()).isEqualTo(JobPhase.FAN_OUT);
    }

    @Test
    void helpIsAnsweredAndTheJobCompletes() {
        String id = f.insert(OrchestratorTestClient.rejected(f.repository, 77, "N must be between 1 and 10"));

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());

        JobRecord job = f.job(id);
        assertThat(job.status()).isEqualTo(RuntimeStatus.Completed);
        assertThat(job.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(job.step()).isEqualTo(JobPhase.DONE);
        assertThat(job.completedAt()).isEqualTo(WorkflowFixture.START);
        assertThat(f.repo.comments.values()).singleElement().asString().contains("N must be between 1 and 10");
        verifyNoInteractions(f.scheduler);
        assertThat(f.fakes.count("POST", permissionPath())).as("help and rejected commands are not gated").isZero();
    }

    @Test
    void aTransientFailureIsRetriedWhenTheGitHostSaysSo() {
        String id = f.editJob(2);
        f.fakes.addFault(Fault.status("GET", "/pull-requests/7", 1, 503, 7));

        StepResult result = f.prepare.run(id, f.scheduler);

        assertThat(result).isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plusSeconds(7)));
        JobRecord job = f.job(id);
        assertThat(job.step()).isEqualTo(JobPhase.CONTEXT);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.error()).contains("503");
        assertThat(f.retries("prepare")).isEqualTo(1);

        f.clock.advance(Duration.ofSeconds(7));
        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.job(id).step()).isEqualTo(JobPhase.FAN_OUT);
        assertThat(f.job(id).attempts()).isZero();
        assertThat(f.repo.comments).as("the progress reply was not posted twice").hasSize(1);
    }

    @Test
    void aPermanentFailureFailsTheVariantsAndHandsOverToTheFanIn() {
        String id = f.editJob(2);
        f.fakes.addFault(Fault.status("GET", "/pull-requests/7", 1, 403, null));

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.variants.variants(id)).allSatisfy(v -> {
            assertThat(v.state()).isEqualTo(VariantState.FAILED);
            assertThat(v.error()).startsWith("not started: ").contains("403");
        });
        verify(f.scheduler).scheduleIfNotExists(JobTasks.fanIn(id), WorkflowFixture.START);
        verify(f.scheduler, never()).scheduleIfNotExists(JobTasks.variant(id, 1), WorkflowFixture.START);
        assertThat(f.retries("prepare")).isZero();
    }

    @Test
    void anAdmittedJobPastItsDeadlineIsStoppedBeforeAnythingIsPosted() {
        String id = f.editJob(2);
        // Admitted, then this replica died; its prepare step runs again after the job's time is up.
        assertThat(f.queue.enqueue(id, f.clock::instant)).containsExactly(id);
        f.clock.advance(f.properties.jobTimeout().plusSeconds(1));

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.job(id).cancelReason()).isEqualTo(CancelReason.TIMEOUT);
        assertThat(f.variants.variants(id)).extracting(VariantRecord::state)
                .containsOnly(VariantState.CANCELLED);
        assertThat(f.variants.variants(id)).extracting(VariantRecord::step).containsOnly(VariantPhase.PENDING);
        assertThat(f.repo.comments).isEmpty();
        verify(f.scheduler).scheduleIfNotExists(JobTasks.fanIn(id), f.clock.instant());
    }

    @Test
    void aFinishedJobIsLeftAlone() {
        String id = f.editJob(1);
        f.jobs.finish(id, RuntimeStatus.Terminated, Outcome.FAILED, "stopped", f.clock.instant());

        assertThat(f.prepare.run(id, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.prepare.run("no-such-job", f.scheduler)).isEqualTo(StepResult.done());

        verifyNoInteractions(f.scheduler);
        assertThat(f.fakes.count("GET", f.repository)).isZero();
    }
}
