package dev.codeagent.orchestrator.workflow;

import static dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour.failed;
import static dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour.passed;
import static dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour.result;
import static dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.orchestrator.fake.FakeServices.CheckBehaviour;
import dev.codeagent.orchestrator.fake.FakeServices.Response;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.CancelReason;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.VariantPhase;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check and repair phases of a variant, after its draft pull request is open. */
class CheckStepTest extends WorkflowStepTest {

    private static final CheckOutcome BUILD = passed("build", null);
    private static final CheckOutcome TESTS_PASS = passed("test", new TestCounts(41, 0, 0));
    private static final CheckOutcome TESTS_FAIL = failed("test", new TestCounts(40, 1, 0),
            List.of("LoginTest.rejectsEmptyPassword: expected 400 but was 200"),
            List.of("[ERROR] LoginTest.rejectsEmptyPassword:31 expected 400 but was 200"));

    @Test
    void aPassingCheckIsRecordedAndTheVariantPullRequestGetsItsStatus() throws Exception {
        String id = f.preparedEditJob(1);
        f.fakes.checkBehaviour(CheckBehaviour.always(2, BUILD, TESTS_PASS));

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.step()).isEqualTo(VariantPhase.DONE);
        assertThat(f.fakes.checkRuns()).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo(id + "-1-0");
            assertThat(run.commit()).isEqualTo(v.commitSha());
            assertThat(run.round()).isZero();
        });
        CheckRound round = f.checks.round(id, 1, 0).orElseThrow();
        assertThat(round.passed()).isTrue();
        assertThat(round.source()).isEqualTo(CheckSource.CONFIGURED);
        assertThat(round.tests()).isEqualTo(new TestCounts(41, 0, 0));
        assertThat(round.checks()).extracting(CheckOutcome::name).containsExactly("build", "test");
        assertThat(Files.readString(artifacts.resolve("jobs/" + id + "/checks/1-0.log"))).contains("run " + id + "-1-0");
        StatusRequest status = onlyChecksStatus(v);
        assertThat(status.state()).isEqualTo(StatusState.SUCCEEDED);
        assertThat(status.description()).isEqualTo("Code Agent checks passed (41 tests passed, 0 failed)");
        assertThat(status.targetUrl()).isEqualTo("http://dash/jobs/" + id);
        assertThat(f.repo.threads.get(v.pullRequestId())).as("no comment on a passing variant").isNull();
        assertThat(f.repo.commits.get(v.branch())).hasSize(1);
    }

    @Test
    void aFailedCheckIsRepairedOnTheSameBranchAndCheckedAgain() throws Exception {
        String id = f.preparedEditJob(1);
        f.fakes.checkBehaviour(request -> new Response(200, result(request, CheckSource.CONFIGURED, null, 2,
                request.round() == 0 ? List.of(BUILD, TESTS_FAIL) : List.of(BUILD, TESTS_PASS))));

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.checkRound()).as("one repair").isEqualTo(1);
        assertThat(f.repo.commits.get(v.branch())).hasSize(2).last().satisfies(repair -> {
            assertThat(repair.message()).startsWith("Repair 1: test\n");
            assertThat(repair.expectedHead()).as("on top of the variant's commit").isNotEqualTo(v.commitSha());
        });
        assertThat(v.commitSha()).isEqualTo(f.repo.branches.get(v.branch()));
        assertThat(f.fakes.checkRuns()).extracting(CheckRunRequest::runId).containsExactly(id + "-1-0", id + "-1-1");
        assertThat(f.fakes.checkRuns().get(1).commit()).isEqualTo(v.commitSha());
        assertThat(f.checks.rounds(id).get(1)).extracting(CheckRound::passed).containsExactly(false, true);
        String request = Files.readString(artifacts.resolve("jobs/" + id + "/variant-1/repair-1-request.json"));
        assertThat(request).contains("\"kind\":\"repair\"").contains("\"round\":1")
                .contains("LoginTest.rejectsEmptyPassword: expected 400 but was 200")
                .contains("./mvnw -B test").contains("\"previousDiff\":\"--- a/src/Login.java");
        assertThat(v.usage().calls()).as("the repair's call adds to the variant's").isEqualTo(2);
        assertThat(onlyChecksStatus(v).state()).isEqualTo(StatusState.SUCCEEDED);
        assertThat(f.audit.trail(id)).extracting(e -> e.event()).contains("variant-repairing");
    }

    @Test
    void aVariantStillFailingAfterItsLastRepairIsReportedOnItsPullRequest() {
        String id = f.preparedEditJob(1);
        f.fakes.checkBehaviour(CheckBehaviour.always(1, BUILD, TESTS_FAIL, skipped("integration")));

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).as("its pull request stands").isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.checkRound()).isEqualTo(1);
        assertThat(f.fakes.checkRuns()).hasSize(2);
        StatusRequest status = onlyChecksStatus(v);
        assertThat(status.state()).isEqualTo(StatusState.FAILED);
        assertThat(status.description()).isEqualTo("Code Agent checks failed: test failed (exit 1) (40 tests passed, 1 failed)");
        assertThat(f.repo.threads.get(v.pullRequestId())).singleElement().asString()
                .contains("**Code Agent checks failed** on this variant after 1 repair")
                .contains("`test` failed (exit 1): `./mvnw -B test`")
                .contains("LoginTest.rejectsEmptyPassword: expected 400 but was 200")
                .contains("kind=checks").doesNotContain("integration");
    }

    @Test
    void aBusyRunnerIsAskedAgainAfterItsRetryAfter() {
        String id = f.preparedEditJob(1);
        f.fakes.checkBehaviour(CheckBehaviour.always(0, BUILD));
        f.fakes.addFault(Fault.status("POST", "/api/checks/runs", 1, 503, 7));

        StepResult first = f.variant.run(id, 1, f.scheduler);

        assertThat(first).isEqualTo(StepResult.runAgainAt(WorkflowFixture.START.plusSeconds(7)));
        assertThat(f.variant(id, 1).step()).isEqualTo(VariantPhase.CHECK);
        assertThat(f.checks.rounds(id)).isEmpty();
        f.clock.set(first.runAgainAt());

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.checks.round(id, 1, 0).orElseThrow().passed()).isTrue();
        assertThat(f.fakes.checkRuns()).extracting(CheckRunRequest::runId).containsExactly(id + "-1-0");
        assertThat(f.retries("check")).isEqualTo(1);
    }

    @Test
    void aRunnerThatStaysAwayLeavesTheChecksAsAnErrorNotAFailedVariant() {
        String id = f.preparedEditJob(1);
        f.fakes.addFault(Fault.status("POST", "/api/checks/runs", 10, 503, 1));

        StepResult result = f.variant.run(id, 1, f.scheduler);
        for (int attempt = 2; attempt <= f.properties.maxAttempts(); attempt++) {
            assertThat(result.isDone()).isFalse();
            f.clock.set(result.runAgainAt());
            result = f.variant.run(id, 1, f.scheduler);
        }

        assertThat(result).isEqualTo(StepResult.done());
        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.error()).isNull();
        CheckRound round = f.checks.round(id, 1, 0).orElseThrow();
        assertThat(round.error()).startsWith("error: runner check run failed with 503")
                .endsWith("(gave up after 4 attempts in 3 s)");
        assertThat(round.source()).isNull();
        assertThat(round.passed()).isFalse();
        assertThat(onlyChecksStatus(v).state()).isEqualTo(StatusState.ERROR);
    }

    @Test
    void anUnusableConfigurationIsAnsweredOnceInTheThreadAndTheVariantsStayUnchecked() {
        String id = f.preparedEditJob(2);
        f.fakes.checkBehaviour(request -> new Response(200, result(request, CheckSource.NONE,
                "line 4: unknown key \"chekcs\"", 0, List.of())));

        f.variant.run(id, 1, f.scheduler);
        f.variant.run(id, 2, f.scheduler);

        assertThat(f.variant(id, 1).state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.variant(id, 2).state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.repo.comments.values().stream().filter(c -> c.contains("kind=check-config")))
                .singleElement().asString()
                .contains("could not use `.codeagent.yml`: line 4: unknown key \"chekcs\"")
                .contains("without checks");
        assertThat(f.repo.statusesByPullRequest.get(f.variant(id, 1).pullRequestId())).isNull();
        assertThat(f.checks.round(id, 1, 0).orElseThrow().configError()).isEqualTo("line 4: unknown key \"chekcs\"");
    }

    @Test
    void terminatingTheJobDuringACheckCancelsTheRunAndTheVariant() {
        String id = f.preparedEditJob(1);
        f.fakes.checkBehaviour(request -> {
            // The job is terminated while its check runs; the runner then ends the run as cancelled.
            f.jobs.requestCancel(id, CancelReason.TERMINATED, f.clock.instant());
            f.checkRuns.cancelRuns(id);
            return new Response(200, result(request, CheckSource.CONFIGURED, null, 2, List.of(new CheckOutcome(
                    "build", "./mvnw -B build", CheckStatus.CANCELLED, null, null, List.of(), List.of(), 10))));
        });

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        assertThat(f.fakes.cancelledRuns()).containsExactly(id + "-1-0");
        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.CANCELLED);
        assertThat(v.pullRequestId()).as("its pull request was opened before").isNotNull();
        assertThat(f.checks.round(id, 1, 0)).as("the answer is recorded, and not repaired").isPresent();
        assertThat(f.fakes.checkRuns()).hasSize(1);
        assertThat(f.repo.commits.get(v.branch())).hasSize(1);
    }

    @Test
    void theJobRunningOutOfTimeWhileCheckingKeepsTheVariant() {
        String id = f.preparedEditJob(1);
        f.fakes.checkBehaviour(request -> {
            f.clock.advance(f.properties.jobTimeout().plusMinutes(1));
            return new Response(200, result(request, CheckSource.CONFIGURED, null, 2, List.of(BUILD, TESTS_FAIL)));
        });

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.checkRound()).as("no repair after the deadline").isZero();
        assertThat(onlyChecksStatus(v).state()).isEqualTo(StatusState.FAILED);
    }

    @Test
    void withoutARunnerTheVariantSucceedsUncheckedAtOnce() throws Exception {
        f.close();
        f = WorkflowFixture.withoutRunner(artifacts);
        String id = f.preparedEditJob(1);
        f.fakes.checkBehaviour(CheckBehaviour.always(2, BUILD, TESTS_PASS));

        assertThat(f.variant.run(id, 1, f.scheduler)).isEqualTo(StepResult.done());

        VariantRecord v = f.variant(id, 1);
        assertThat(v.state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(v.step()).isEqualTo(VariantPhase.DONE);
        assertThat(f.fakes.checkRuns()).as("no runner is asked").isEmpty();
        assertThat(f.checks.round(id, 1, 0)).isEmpty();
        assertThat(f.repo.statusesByPullRequest.get(v.pullRequestId())).as("no checks status").isNull();
    }

    private StatusRequest onlyChecksStatus(VariantRecord v) {
        List<StatusRequest> statuses = f.repo.statusesByPullRequest.get(v.pullRequestId());
        assertThat(statuses).isNotNull();
        return statuses.stream().filter(s -> s.genre().equals("codeagent") && s.name().equals("checks"))
                .reduce((a, b) -> b).orElseThrow();
    }
}
