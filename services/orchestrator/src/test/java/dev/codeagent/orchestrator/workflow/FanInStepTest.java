package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.JobPhase;
import dev.codeagent.orchestrator.job.JobRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanInStepTest extends WorkflowStepTest {

    @Test
    void publishesTheFinalProgressTheSummaryAndTheStatusThenFinishesTheJob() {
        String id = f.preparedEditJob(2);
        f.variant.run(id, 1, f.scheduler);
        f.variant.run(id, 2, f.scheduler);
        f.clock.advance(java.time.Duration.ofSeconds(90));

        assertThat(f.fanIn.run(id, f.scheduler)).isEqualTo(StepResult.done());

        JobRecord job = f.job(id);
        assertThat(job.status()).isEqualTo(RuntimeStatus.Completed);
        assertThat(job.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(job.step()).isEqualTo(JobPhase.DONE);
        assertThat(job.completedAt()).isEqualTo(f.clock.instant());
        assertThat(f.repo.comments.get(job.progressCommentId())).contains("finished 2 variants").contains("success");
        assertThat(f.repo.comments.values()).filteredOn(c -> c.startsWith("### Code Agent: 2 variants"))
                .singleElement().asString().contains("2 of 2 variants succeeded");
        assertThat(f.repo.lastStatus().state()).isEqualTo(StatusState.SUCCEEDED);
        assertThat(artifacts.resolve("jobs/" + id + "/report.json")).exists();
        verify(f.scheduler).cancel(JobTasks.DEADLINE.instanceId(id));
    }

    @Test
    void theSummaryFootnotesWhatEachVariantsRecordSaysWasLeftOut() {
        f.fakes.patchBehaviour(request -> {
            PatchResponse p = FakeServices.PatchBehaviour.patch(request, false);
            List<String> notes = request.k() == 1 ? List.of("Not shown to the model: src/Big.java — left out to fit "
                    + "the context window of ollama (4096 tokens, 1024 kept for the answer), about 6700 tokens") : List.of();
            return new FakeServices.Response(200, new PatchResponse(p.k(), p.strategy(), p.summary(), p.changes(),
                    p.diff(), p.linesAdded(), p.linesRemoved(), p.provider(), p.model(), p.offline(), p.tokens(),
                    p.attempts(), notes));
        });
        String id = f.preparedEditJob(2);
        f.variant.run(id, 1, f.scheduler);
        f.variant.run(id, 2, f.scheduler);

        assertThat(f.fanIn.run(id, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.repo.comments.values()).filteredOn(c -> c.startsWith("### Code Agent: 2 variants"))
                .singleElement().asString().contains("\n**Notes**\n\n- Variant 1: Not shown to the model: "
                        + "src/Big.java — left out to fit the context window of ollama (4096 tokens, 1024 kept for the "
                        + "answer), about 6700 tokens\n").doesNotContain("- Variant 2:");
    }

    @Test
    void waitsWhileAVariantIsStillFinishing() {
        String id = f.preparedEditJob(2);
        f.variant.run(id, 1, f.scheduler);

        assertThat(f.fanIn.run(id, f.scheduler))
                .isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plus(FanInStep.VARIANTS_SETTLING)));

        assertThat(f.job(id).status()).isEqualTo(RuntimeStatus.Running);
        assertThat(f.repo.comments).hasSize(1);
    }

    @Test
    void aTerminatedJobEndsTerminatedWithAFailedStatus() {
        String id = f.preparedEditJob(2);
        f.variant.run(id, 1, f.scheduler);
        f.jobs.requestCancel(id, CancelReason.TERMINATED, f.clock.instant());
        f.variant.run(id, 2, f.scheduler);

        f.fanIn.run(id, f.scheduler);

        JobRecord job = f.job(id);
        assertThat(job.status()).isEqualTo(RuntimeStatus.Terminated);
        assertThat(job.outcome()).isEqualTo(Outcome.PARTIAL_SUCCESS);
        assertThat(f.repo.lastStatus().state()).isEqualTo(StatusState.FAILED);
        assertThat(f.repo.lastStatus().description()).endsWith("(cancelled)");
    }

    @Test
    void aSummaryTheGitHostRefusesForGoodStillFinishesTheJobWithTheReason() {
        String id = f.preparedEditJob(1);
        f.fakes.patchBehaviour(FakeServices.PatchBehaviour.failing(request -> true));
        f.variant.run(id, 1, f.scheduler);
        f.fakes.addFault(Fault.status("PATCH", "/comments/" + f.job(id).progressCommentId(), 1, 403, null));

        assertThat(f.fanIn.run(id, f.scheduler)).isEqualTo(StepResult.done());

        JobRecord job = f.job(id);
        assertThat(job.status()).isEqualTo(RuntimeStatus.Failed);
        assertThat(job.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(job.error()).startsWith("summary not published: ").contains("403");
    }

    @Test
    void aSummaryTheGitHostCannotTakeNowIsRetriedAndPostedOnce() {
        String id = f.preparedEditJob(1);
        f.variant.run(id, 1, f.scheduler);
        f.fakes.addFault(Fault.lostAnswer("POST", "/threads/1/comments", 1, 503));

        StepResult first = f.fanIn.run(id, f.scheduler);

        assertThat(first.isDone()).isFalse();
        assertThat(f.job(id).step()).isEqualTo(JobPhase.FAN_IN);
        assertThat(f.retries("fan-in")).isEqualTo(1);
        verify(f.scheduler, never()).cancel(JobTasks.DEADLINE.instanceId(id));
        f.clock.set(first.runAgainAt());

        assertThat(f.fanIn.run(id, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.job(id).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(f.repo.comments.values()).filteredOn(c -> c.startsWith("### Code Agent")).hasSize(1);
    }
}
