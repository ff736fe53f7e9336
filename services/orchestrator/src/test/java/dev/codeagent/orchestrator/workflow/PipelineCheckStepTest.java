package dev.codeagent.orchestrator.workflow;

import static dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour.passed;
import static dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRunResult;
import dev.codeagent.contracts.pipeline.PipelineRunState;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import dev.codeagent.orchestrator.fake.FakePipelines;
import dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour;
import dev.codeagent.orchestrator.fake.FakeServices.Response;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.PipelineRunRecord;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRanking;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure DevOps pipeline runs as checks ({@code CODEAGENT_ADO_CHECK_PIPELINES}, or {@code pipelines:} of
 * {@code .codeagent.yml} through the runner's answer): one run per variant on its branch, recorded before the step
 * waits, looked at again by the scheduler, never queued twice, and the runs' results and tests ranking the variants.
 */
class PipelineCheckStepTest {

    private static final Duration POLL = Duration.ofSeconds(30);

    @TempDir
    Path artifacts;

    WorkflowFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    private WorkflowFixture fixture(boolean withRunner, String... pipelines) {
        f = WorkflowFixture.withPipelines(artifacts, withRunner, Duration.ofMinutes(5), pipelines);
        f.fakes.pipelines().define("Payments-CI", 42);
        return f;
    }

    /** A runner whose answer names the pipelines of {@code .codeagent.yml} ({@code [Payments-CI]}, {@code repair: 1}). */
    private void pipelinesFromCodeagentYml() {
        fixture(true);
        f.fakes.checkBehaviour(request -> {
            CheckRunResult r = result(request, CheckSource.CONFIGURED, null, 1, List.of());
            return new Response(200, new CheckRunResult(r.runId(), r.source(), null, 1, "process", null, List.of(),
                    false, "", 10, List.of("Payments-CI")));
        });
    }

    private FakePipelines.Run runOf(VariantRecord v) {
        return f.fakes.pipelines().runs().stream().filter(r -> r.commit.equals(v.commitSha())).findFirst()
                .orElseThrow();
    }

    @Test
    void queuesOneRunPerVariantOnItsBranchFollowsItWithoutRequeueingAndRanksByItsResults() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(2);

        StepResult first = f.variant.run(id, 1, f.scheduler);
        StepResult second = f.variant.run(id, 2, f.scheduler);

        assertThat(first).isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plus(POLL)));
        assertThat(second).isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plus(POLL)));
        VariantRecord v1 = f.variant(id, 1);
        VariantRecord v2 = f.variant(id, 2);
        assertThat(v1.step()).isEqualTo(VariantPhase.CHECK);
        assertThat(f.fakes.pipelines().runs()).extracting(r -> r.pipelineId, r -> r.branch, r -> r.commit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(42L, v1.branch(), v1.commitSha()),
                        org.assertj.core.groups.Tuple.tuple(42L, v2.branch(), v2.commitSha()));
        assertThat(f.pipelineRuns.runs(id, 1, 0)).singleElement().satisfies(run -> {
            assertThat(run.running()).isTrue();
            assertThat(run.runId()).isEqualTo(runOf(v1).runId);
        });
        assertThat(f.checks.rounds(id)).as("no round while the runs run").isEmpty();

        // The scheduler brings the steps back (after a restart just the same: the runs are in the database).
        f.clock.set(first.runAgainAt());
        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.runAgainAt(first.runAgainAt().plus(POLL)));
        assertThat(f.fakes.pipelines().queueRequests()).as("no run queued again").hasSize(2);

        runOf(v1).complete(PipelineRunResult.SUCCEEDED, new TestCounts(12, 0, 1));
        runOf(v2).complete(PipelineRunResult.FAILED, new TestCounts(10, 2, 0),
                "shop.CartTest.total: expected 3 but was 4", "shop.CartTest.empty: NullPointerException");
        f.clock.set(first.runAgainAt().plus(POLL));
        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.variant.run(id, 2, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.fakes.pipelines().queueRequests()).hasSize(2);
        CheckRound passed = f.checks.round(id, 1, 0).orElseThrow();
        assertThat(passed.passed()).isTrue();
        assertThat(passed.source()).isEqualTo(CheckSource.CONFIGURED);
        assertThat(passed.tests()).isEqualTo(new TestCounts(12, 0, 1));
        assertThat(passed.isolation()).isEqualTo("azure-devops");
        assertThat(passed.checks()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("Payments-CI");
            assertThat(check.status()).isEqualTo(CheckStatus.PASSED);
            assertThat(check.url()).endsWith("buildId=" + runOf(v1).runId);
        });
        CheckRound failed = f.checks.round(id, 2, 0).orElseThrow();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.tests()).isEqualTo(new TestCounts(10, 2, 0));
        assertThat(failed.checks().get(0).failingTests()).contains("shop.CartTest.total: expected 3 but was 4");

        List<VariantRecord> variants = f.variants.variants(id);
        assertThat(variants).extracting(VariantRecord::state).containsOnly(VariantState.SUCCEEDED);
        VariantRanking.Result ranking = VariantRanking.rank(variants, f.checks.rounds(id));
        assertThat(ranking.recommended()).isEqualTo(1);
        assertThat(ranking.reason()).isEqualTo("only variant whose checks pass");
        assertThat(CheckText.build(passed)).isEqualTo("[passed](https://dev.azure.com/contoso/Web%20Shop/_build/"
                + "results?buildId=" + runOf(v1).runId + ")");
        assertThat(CheckText.tests(failed)).isEqualTo("10 passed, 2 failed");

        assertThat(checksStatus(f.variant(id, 1)).state()).isEqualTo(StatusState.SUCCEEDED);
        StatusRequest red = checksStatus(f.variant(id, 2));
        assertThat(red.state()).isEqualTo(StatusState.FAILED);
        assertThat(red.description()).isEqualTo("Code Agent checks failed: Payments-CI failed (10 tests passed, "
                + "2 failed)");
        assertThat(f.repo.threads.get(f.variant(id, 2).pullRequestId())).singleElement().asString()
                .contains("`Payments-CI` failed: `Azure DevOps pipeline Payments-CI, run 20260302." + runOf(v2).runId)
                .contains("[run](https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId=" + runOf(v2).runId)
                .contains("shop.CartTest.total: expected 3 but was 4");
    }

    @Test
    void aRunCanceledInAzureDevOpsIsReportedAndNotRepaired() {
        fixture(true, "Payments-CI");
        f.fakes.checkBehaviour(CheckBehaviour.always(2, passed("build", new TestCounts(5, 0, 0))));
        String id = f.preparedEditJob(1);

        StepResult waiting = f.variant.run(id, 1, f.scheduler);
        assertThat(waiting.isDone()).isFalse();
        f.fakes.pipelines().runs().get(0).complete(PipelineRunResult.CANCELED, null);
        f.clock.set(waiting.runAgainAt());

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.checkRound()).as("a canceled run says nothing about the code").isZero();
        assertThat(f.fakes.checkRuns()).as("the runner ran once, not again on each look").hasSize(1);
        CheckRound round = f.checks.round(id, 1, 0).orElseThrow();
        assertThat(round.passed()).isFalse();
        assertThat(round.tests()).as("the runner's tests; the run published none").isEqualTo(new TestCounts(5, 0, 0));
        assertThat(round.isolation()).isEqualTo("process+azure-devops");
        assertThat(round.checks()).extracting(CheckOutcome::name, CheckOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("build", CheckStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple("Payments-CI", CheckStatus.CANCELLED));
        assertThat(CheckText.build(round)).startsWith("[cancelled](https://dev.azure.com/");
        // Nothing failed: the pull request is not told that the variant's code did.
        assertThat(checksStatus(v).state()).isEqualTo(StatusState.ERROR);
        assertThat(checksStatus(v).description())
                .isEqualTo("Code Agent checks did not finish: Payments-CI was cancelled (5 tests passed, 0 failed)");
        assertThat(f.repo.threads.get(v.pullRequestId())).as("no 'checks failed' comment").isNullOrEmpty();
    }

    @Test
    void aFailedRunIsRepairedWithItsFailingTestsAndTheRepairCommitGetsARunOfItsOwn() throws Exception {
        pipelinesFromCodeagentYml();
        String id = f.preparedEditJob(1);

        StepResult waiting = f.variant.run(id, 1, f.scheduler);
        assertThat(waiting.isDone()).isFalse();
        f.fakes.pipelines().runs().get(0).complete(PipelineRunResult.FAILED, new TestCounts(7, 1, 0),
                "shop.CartTest.total: expected 3 but was 4");
        f.clock.set(waiting.runAgainAt());

        StepResult repaired = f.variant.run(id, 1, f.scheduler);

        VariantRecord v = f.variant(id, 1);
        assertThat(v.checkRound()).isEqualTo(1);
        assertThat(repaired.isDone()).as("the repair commit's run is followed").isFalse();
        String request = Files.readString(artifacts.resolve("jobs/" + id + "/variant-1/repair-1-request.json"));
        assertThat(request).contains("Check `Payments-CI` failed: Azure DevOps pipeline Payments-CI")
                .contains("shop.CartTest.total: expected 3 but was 4");
        assertThat(f.fakes.pipelines().runs()).hasSize(2).last().satisfies(run -> {
            assertThat(run.commit).isEqualTo(v.commitSha());
            assertThat(run.branch).isEqualTo(v.branch());
        });
        f.fakes.pipelines().runs().get(1).complete(PipelineRunResult.SUCCEEDED, new TestCounts(8, 0, 0));
        f.clock.set(repaired.runAgainAt());

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());
        assertThat(f.checks.rounds(id).get(1)).extracting(CheckRound::passed).containsExactly(false, true);
        assertThat(checksStatus(f.variant(id, 1)).state()).isEqualTo(StatusState.SUCCEEDED);
    }

    @Test
    void aRunPastTheTimeoutIsTimedOut() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(1);
        assertThat(f.variant.run(id, 1, f.scheduler).isDone()).isFalse();

        f.clock.set(WorkflowFixture.START.plus(Duration.ofMinutes(21)));
        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        CheckRound round = f.checks.round(id, 1, 0).orElseThrow();
        assertThat(round.checks()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(CheckStatus.TIMED_OUT);
            assertThat(check.errors()).singleElement().asString().contains("CODEAGENT_ADO_CHECK_TIMEOUT");
        });
        assertThat(CheckText.build(round)).startsWith("[timed out](");
        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.SUCCEEDED);
    }

    @Test
    void aJobThatRunsOutOfTimeEndsItsRunsAsTimedOut() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(1);
        assertThat(f.variant.run(id, 1, f.scheduler).isDone()).isFalse();

        f.clock.set(WorkflowFixture.START.plus(Duration.ofMinutes(31)));
        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.variant(id, 1).state()).as("its pull request stands").isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.checks.round(id, 1, 0).orElseThrow().checks()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(CheckStatus.TIMED_OUT);
            assertThat(check.errors()).containsExactly("stopped: the job ran out of time");
        });
    }

    @Test
    void aLostAnswerOnTheQueueIsAskedAgainAndFindsTheSameRun() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(1);
        f.fakes.addFault(Fault.status("POST", "/pipelines/42/runs", 1, 503, 4));

        StepResult retry = f.variant.run(id, 1, f.scheduler);

        assertThat(retry).isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plusSeconds(4)));
        assertThat(f.pipelineRuns.runs(id, 1, 0)).isEmpty();
        f.clock.set(retry.runAgainAt());
        assertThat(f.variant.run(id, 1, f.scheduler).isDone()).isFalse();
        assertThat(f.fakes.pipelines().runs()).hasSize(1);
        assertThat(f.pipelineRuns.runs(id, 1, 0)).singleElement()
                .satisfies(run -> assertThat(run.runId()).isEqualTo(f.fakes.pipelines().runs().get(0).runId));
        assertThat(f.fakes.pipelines().queueRequests()).extracting(QueuePipelineRunRequest::branch)
                .containsOnly(f.variant(id, 1).branch());
    }

    @Test
    void aRepositoryWithoutPipelinesEndsTheCheckAsAnErrorNotAFailedVariant() {
        fixture(false, "Payments-CI");
        f.fakes.pipelines().refuse();
        String id = f.preparedEditJob(1);

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.checks.round(id, 1, 0).orElseThrow().checks()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(check.errors()).singleElement().asString().contains("Pipelines need the Azure DevOps provider");
        });
    }

    @Test
    void terminatingTheJobCancelsItsRunningRunsInAzureDevOpsOnceAndLeavesCompletedOnesAlone() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(2);
        assertThat(f.variant.run(id, 1, f.scheduler).isDone()).isFalse();
        assertThat(f.variant.run(id, 2, f.scheduler).isDone()).isFalse();
        FakePipelines.Run running = runOf(f.variant(id, 1));
        FakePipelines.Run done = runOf(f.variant(id, 2));
        done.complete(PipelineRunResult.SUCCEEDED, new TestCounts(3, 0, 0));
        f.clock.set(WorkflowFixture.START.plus(POLL));
        assertThat(f.variant.run(id, 2, f.scheduler)).isEqualTo(StepResult.done());

        f.clock.set(WorkflowFixture.START.plus(Duration.ofMinutes(2)));
        f.jobs.requestCancel(id, CancelReason.TERMINATED, f.clock.instant());
        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.CANCELLED);
        verify(f.scheduler, atLeastOnce()).scheduleIfNotExists(eq(JobTasks.pipelineCancel(id)), any());
        assertThat(f.pipelineRuns.runs(id, 1, 0)).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo(PipelineRunRecord.State.STOPPED);
            assertThat(run.cancel()).isEqualTo(PipelineRunRecord.Cancel.PENDING);
        });
        assertThat(running.cancels()).as("asked by the cancel task, not by the variant").isZero();

        assertThat(f.pipelineCancel.run(id)).isEqualTo(StepResult.done());
        assertThat(f.pipelineCancel.run(id)).as("a replay asks nothing again").isEqualTo(StepResult.done());

        assertThat(running.cancels()).isEqualTo(1);
        assertThat(running.state()).isEqualTo(PipelineRunState.CANCELING);
        assertThat(done.cancels()).isZero();
        assertThat(f.fakes.pipelines().queueRequests()).as("nothing queued again").hasSize(2);
        assertThat(f.pipelineRuns.runs(id, 1, 0)).singleElement().satisfies(run -> {
            assertThat(run.cancel()).isEqualTo(PipelineRunRecord.Cancel.CANCELED);
            assertThat(run.cancelledAt()).isEqualTo(f.clock.instant());
        });
        assertThat(f.pipelineRuns.runs(id, 2, 0)).singleElement()
                .satisfies(run -> assertThat(run.cancel()).isNull());
        assertThat(f.checks.round(id, 1, 0).orElseThrow().checks()).singleElement()
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.CANCELLED));
    }

    @Test
    void aCancelThatIsThrottledIsAskedAgainLaterAndARefusedOneIsRecordedWithoutFailingAnything() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(1);
        assertThat(f.variant.run(id, 1, f.scheduler).isDone()).isFalse();
        f.clock.set(WorkflowFixture.START.plus(Duration.ofMinutes(31)));
        assertThat(f.variant.run(id, 1, f.scheduler)).as("the job ran out of time").isEqualTo(StepResult.done());
        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.SUCCEEDED);
        f.fakes.addFault(Fault.status("POST", "/cancel", 1, 503, 7));

        StepResult again = f.pipelineCancel.run(id);

        assertThat(again).isEqualTo(StepResult.runAgainAt(f.clock.instant().plusSeconds(7)));
        assertThat(f.pipelineRuns.runs(id, 1, 0).get(0).cancel()).isEqualTo(PipelineRunRecord.Cancel.PENDING);
        f.clock.set(again.runAgainAt());
        assertThat(f.pipelineCancel.run(id)).isEqualTo(StepResult.done());
        assertThat(f.pipelineRuns.runs(id, 1, 0).get(0).cancel()).isEqualTo(PipelineRunRecord.Cancel.CANCELED);
        assertThat(f.fakes.pipelines().runs().get(0).cancels()).isEqualTo(1);

        String refused = f.preparedEditJob(1);
        assertThat(f.variant.run(refused, 1, f.scheduler).isDone()).isFalse();
        f.clock.set(f.clock.instant().plus(Duration.ofMinutes(21)));
        assertThat(f.variant.run(refused, 1, f.scheduler)).as("past CODEAGENT_ADO_CHECK_TIMEOUT")
                .isEqualTo(StepResult.done());
        f.fakes.addFault(Fault.status("POST", "/cancel", 1, 403, null));

        assertThat(f.pipelineCancel.run(refused)).isEqualTo(StepResult.done());
        assertThat(f.pipelineRuns.runs(refused, 1, 0)).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo(PipelineRunRecord.State.TIMED_OUT);
            assertThat(run.cancel()).isEqualTo(PipelineRunRecord.Cancel.FAILED);
            assertThat(run.cancelNote()).isNotBlank();
        });
        assertThat(f.variant(refused, 1).state()).isEqualTo(VariantState.SUCCEEDED);
    }

    @Test
    void aRunThatFailedWithoutFailingTestsIsExplainedByItsTimelineInTheRoundAndTheRepairPrompt() throws Exception {
        pipelinesFromCodeagentYml();
        String id = f.preparedEditJob(1);
        StepResult waiting = f.variant.run(id, 1, f.scheduler);
        List<String> tail = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            tail.add("  at frame " + i);
        }
        tail.addAll(List.of("FAIL src/cart.test.js", "npm ERR! Test failed."));
        f.fakes.pipelines().runs().get(0).failWith(new PipelineFailure(List.of("Run tests: Bash exited with code '1'."),
                "Run tests", tail));
        f.clock.set(waiting.runAgainAt());

        f.variant.run(id, 1, f.scheduler);

        CheckRound round = f.checks.round(id, 1, 0).orElseThrow();
        assertThat(round.checks()).singleElement().satisfies(check -> {
            assertThat(check.status()).isEqualTo(CheckStatus.FAILED);
            assertThat(check.errors()).as("ten lines, as the comment and the dashboard show, ending with the log's")
                    .containsExactly("Run tests: Bash exited with code '1'.", "End of the log of 'Run tests':",
                            "  at frame 7", "  at frame 8", "  at frame 9", "  at frame 10", "  at frame 11",
                            "  at frame 12", "FAIL src/cart.test.js", "npm ERR! Test failed.");
        });
        String request = Files.readString(artifacts.resolve("jobs/" + id + "/variant-1/repair-1-request.json"));
        assertThat(request).contains("End of the log of 'Run tests':").contains("FAIL src/cart.test.js");
    }

    @Test
    void aFailedRunWhoseTimelineCannotBeReadKeepsItsLink() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(1);
        StepResult waiting = f.variant.run(id, 1, f.scheduler);
        f.fakes.pipelines().runs().get(0).complete(PipelineRunResult.FAILED, null);
        f.fakes.addFault(Fault.status("GET", "/failure", 1, 403, null));
        f.clock.set(waiting.runAgainAt());

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.checks.round(id, 1, 0).orElseThrow().checks()).singleElement().satisfies(check ->
                assertThat(check.errors()).singleElement().asString()
                        .startsWith("The run failed without a failing test; its log: https://dev.azure.com/"));
    }

    @Test
    void theProgressIsRewrittenWhenARunsStateChangesNotOnEveryLook() {
        fixture(false, "Payments-CI");
        String id = f.preparedEditJob(1);
        StepResult waiting = f.variant.run(id, 1, f.scheduler);
        PipelineRunRecord run = f.pipelineRuns.runs(id, 1, 0).get(0);

        assertThat(run.runState()).isEqualTo("inProgress");
        assertThat(f.pipelineRuns.seen(run, "inProgress")).as("the same state again").isFalse();
        assertThat(f.pipelineRuns.seen(run, "canceling")).isTrue();
        assertThat(f.pipelineRuns.seen(run, "canceling")).isFalse();
        f.clock.set(waiting.runAgainAt());
        f.variant.run(id, 1, f.scheduler);
        assertThat(f.pipelineRuns.runs(id, 1, 0).get(0).runState()).isEqualTo("inProgress");
    }

    private StatusRequest checksStatus(VariantRecord v) {
        return f.repo.statusesByPullRequest.get(v.pullRequestId()).stream()
                .filter(s -> s.genre().equals("codeagent") && s.name().equals("checks")).reduce((a, b) -> b)
                .orElseThrow();
    }
}
