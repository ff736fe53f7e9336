package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckSource;
import dev.codeagent.contracts.check.TestCounts;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.git.MergeStrategy;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.patch.FollowUp;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.fake.FakeServices;
import dev.codeagent.orchestrator.fake.Fault;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.FollowUpStore;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.VariantPhase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The follow-up commands of a thread on the workflow fixture: /pick, /refine, /retry, /cancel, /status. */
class FollowUpStepTest extends WorkflowStepTest {

    static final AtomicLong COMMENTS = new AtomicLong(90_000);
    static final Author DEV = new Author("u1", "dev@example.com", "Dev");

    /** An /edit /n job that ran to its summary. */
    String finishedEditJob(int n) {
        String id = f.preparedEditJob(n);
        for (int k = 1; k <= n; k++) {
            f.variant.run(id, k, f.scheduler);
        }
        f.fanIn.run(id, f.scheduler);
        return id;
    }

    /** A follow-up comment in the edit job's thread, run through its first step. */
    String followUp(CommandKind kind, Integer k, String text, boolean fresh, Author author) {
        RepositoryRef repo = new RepositoryRef("local", "local", "local", f.repository, null);
        long comment = COMMENTS.incrementAndGet();
        f.clock.advance(java.time.Duration.ofSeconds(1));
        String id = f.insert(new StartJobRequest(StartJobRequest.keyOf(repo, 7, 1, comment), repo, 7, 1, comment,
                null, author, kind, text, 0, null, "refs/heads/feature", "refs/heads/main", null, "d-" + comment,
                Instant.now(), k, fresh));
        f.prepare.run(id, f.scheduler);
        return id;
    }

    String followUp(CommandKind kind, Integer k) {
        return followUp(kind, k, null, false, DEV);
    }

    String reply(String followUpId) {
        JobRecord job = f.job(followUpId);
        String kind = job.kind().name().toLowerCase(Locale.ROOT);
        Long id = f.repo.commentsByKey.get("job-" + followUpId + "-" + kind);
        return id == null ? null : f.repo.comments.get(id);
    }

    @Test
    void pickMergesTheVariantAbandonsTheOthersAndDeletesTheirBranches() {
        String edit = finishedEditJob(3);
        long pr2 = f.variant(edit, 2).pullRequestId();
        String commit2 = f.variant(edit, 2).commitSha();

        String pick = followUp(CommandKind.PICK, 2);

        assertThat(f.repo.completions).singleElement().satisfies(c -> {
            assertThat(c.lastMergeSourceCommit()).isEqualTo(commit2);
            assertThat(c.mergeStrategy()).isEqualTo(MergeStrategy.SQUASH);
            assertThat(c.deleteSourceBranch()).isTrue();
            assertThat(c.mergeCommitMessage()).contains("Validate the login").contains("variant 2");
        });
        String mergeCommit = f.repo.mergeCommits.get(pr2);
        assertThat(f.repo.branches.get("feature")).isEqualTo(mergeCommit);
        assertThat(f.repo.pullRequestStatus).containsEntry(f.variant(edit, 1).pullRequestId(), "abandoned")
                .containsEntry(f.variant(edit, 3).pullRequestId(), "abandoned").containsEntry(pr2, "completed");
        assertThat(f.repo.agentBranches()).isEmpty();
        assertThat(reply(pick)).contains("merged variant 2").contains(mergeCommit).contains("variants 1, 3");
        assertThat(f.followUps.pick(edit)).isEqualTo(new FollowUpStore.Pick(2, mergeCommit, List.of(1, 3)));
        assertThat(f.job(pick).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(f.followUps.followUpsOf(edit)).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(CommandKind.PICK);
            assertThat(v.variant()).isEqualTo(2);
        });

        // The same pick again (a second comment): the merge is reported again, nothing is merged twice.
        String again = followUp(CommandKind.PICK, 2);
        assertThat(reply(again)).contains(mergeCommit);
        assertThat(f.repo.mergeCommits).hasSize(1);
        assertThat(f.repo.completions).hasSize(1);
    }

    @Test
    void aLostAnswerOnCompletionIsRetriedAndMergesOnce() {
        String edit = finishedEditJob(2);
        long pr2 = f.variant(edit, 2).pullRequestId();
        // The adapter completes the pull request, but the orchestrator sees a 503.
        f.fakes.addFault(Fault.lostAnswer("POST", "/pull-requests/" + pr2 + "/complete", 1, 503));

        String pick = followUp(CommandKind.PICK, 2);
        assertThat(f.job(pick).status()).isEqualTo(RuntimeStatus.Running);
        assertThat(f.followUps.pick(edit).picked()).isNull();
        f.clock.advance(java.time.Duration.ofSeconds(5));
        f.prepare.run(pick, f.scheduler);

        String mergeCommit = f.repo.mergeCommits.get(pr2);
        assertThat(f.repo.completions).hasSize(2);
        assertThat(f.repo.mergeCommits).hasSize(1);
        assertThat(f.repo.branches.get("feature")).isEqualTo(mergeCommit);
        assertThat(f.followUps.pick(edit)).isEqualTo(new FollowUpStore.Pick(2, mergeCommit, List.of(1)));
        assertThat(reply(pick)).contains("merged variant 2").contains(mergeCommit);
        assertThat(f.job(pick).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aMergeConflictIsSaidAndLeavesEverythingAsItWas() {
        String edit = finishedEditJob(3);
        f.repo.conflicting.add(f.variant(edit, 2).pullRequestId());
        List<String> branches = f.repo.agentBranches();

        String pick = followUp(CommandKind.PICK, 2);

        assertThat(reply(pick)).contains("cannot be merged").contains("conflicts").contains("Nothing was changed");
        assertThat(f.repo.pullRequestStatus).isEmpty();
        assertThat(f.repo.agentBranches()).isEqualTo(branches);
        assertThat(f.followUps.pick(edit).picked()).isNull();
        assertThat(f.job(pick).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aBlockingPolicyIsNamed() {
        String edit = finishedEditJob(2);
        f.repo.blockedByPolicy.put(f.variant(edit, 1).pullRequestId(), "Minimum number of reviewers");

        String pick = followUp(CommandKind.PICK, 1);

        assertThat(reply(pick)).contains("Minimum number of reviewers").contains("Nothing was changed");
        assertThat(f.repo.pullRequestStatus).isEmpty();
    }

    /** The edit job's summary reply, as the thread shows it now. */
    String summary(String editId) {
        return f.repo.comments.get(f.repo.commentsByKey.get("job-" + editId + "-summary"));
    }

    /** The default answer, but a refine round writes {@code refined} as the file. */
    static FakeServices.PatchBehaviour refining(List<PatchRequest> requests, String refined) {
        return request -> {
            requests.add(request);
            if (request.followUp() == null || request.followUp().kind() != FollowUp.Kind.REFINE) {
                return FakeServices.PatchBehaviour.DEFAULT.answer(request);
            }
            return new FakeServices.Response(200, new PatchResponse(request.k(), "strategy-" + request.k(),
                    "Keeps the name", List.of(FileChange.edit("src/Login.java", refined)),
                    "--- a/src/Login.java\n+++ b/src/Login.java\n@@ refined @@\n", 1, 1, "ollama", "qwen2.5-coder",
                    false, null, 1, List.of(), List.of()));
        };
    }

    @Test
    void refineCommitsOnTheVariantWithTheFeedbackAndThePreviousDiffThenPickTakesTheRefinedCommit() {
        List<PatchRequest> requests = new CopyOnWriteArrayList<>();
        f.fakes.patchBehaviour(refining(requests, "class Login {\n  // keeps login()\n}\n"));
        String edit = finishedEditJob(3);
        String branch = f.variant(edit, 2).branch();
        String before = f.variant(edit, 2).commitSha();

        String refine = followUp(CommandKind.REFINE, 2, "keep the old method name\nand the comment", false, DEV);

        PatchRequest request = requests.get(requests.size() - 1);
        assertThat(request.followUp()).isEqualTo(new FollowUp(FollowUp.Kind.REFINE, 1,
                "keep the old method name\nand the comment", "--- a/src/Login.java\n+++ b/src/Login.java\n"));
        assertThat(request.k()).isEqualTo(2);
        assertThat(request.files()).extracting(s -> s.path()).contains("src/Login.java");
        assertThat(request.files()).filteredOn(s -> s.path().equals("src/Login.java")).singleElement()
                .extracting(s -> s.content()).asString().as("the variant's file, not the base's")
                .contains("// variant 2");
        List<CommitRequest> commits = f.repo.commits.get(branch);
        assertThat(commits).hasSize(2);
        assertThat(commits.get(1).expectedHead()).isEqualTo(before);
        assertThat(commits.get(1).message()).startsWith("Refine 1: keep the old method name\n");
        String refined = f.repo.branches.get(branch);
        assertThat(f.variant(edit, 2).commitSha()).isEqualTo(refined);
        assertThat(reply(refine)).contains("refined variant 2 (round 1)").contains(refined)
                .contains("Its checks run again");
        // The variant's pull request tells the refined figures and the round's feedback; the others are untouched.
        long pr2 = f.variant(edit, 2).pullRequestId();
        assertThat(f.repo.descriptionUpdates).containsOnlyKeys(pr2);
        assertThat(f.repo.descriptionUpdates.get(pr2)).singleElement().asString()
                .contains("| Files | 1 (+3 / −1) |")
                .contains("**Refined** (round 1): keep the old method name and the comment\n")
                .endsWith(AgentMarker.of("job", edit, "variant", "2"));

        // The job runs again for variant 2 alone, from its checks, and its fan-in rewrites the table.
        assertThat(f.job(edit).status()).isEqualTo(RuntimeStatus.Running);
        assertThat(f.variant(edit, 2).step()).isEqualTo(VariantPhase.CHECK);
        assertThat(f.variant(edit, 2).checkRound()).isEqualTo(1);
        f.variant.run(edit, 2, f.scheduler);
        f.fanIn.run(edit, f.scheduler);
        assertThat(f.job(edit).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(f.fakes.checkRuns()).filteredOn(r -> r.jobId().equals(edit) && r.k() == 2)
                .extracting(r -> r.commit()).containsExactly(before, refined);
        // The row counts the variant against the base, not the sum of its commits' diffs (+4 / −2).
        assertThat(summary(edit)).containsPattern("\\| 2 \\| .*\\+3 / −1");
        assertThat(f.repo.comments.get(f.job(edit).progressCommentId())).contains("| 2 | ✅ succeeded")
                .contains("+3 / −1");
        assertThat(f.variant(edit, 2).repairs()).isZero();

        followUp(CommandKind.PICK, 2);
        assertThat(f.repo.completions).singleElement().extracting(c -> c.lastMergeSourceCommit()).isEqualTo(refined);
        assertThat(f.followUps.pick(edit).picked()).isEqualTo(2);
    }

    @Test
    void aDescriptionTheHostRefusesDoesNotFailTheRefineAndATransientFailureIsRetried() {
        f.fakes.patchBehaviour(refining(new CopyOnWriteArrayList<>(), "class Login {}\n"));
        String edit = finishedEditJob(2);
        long pr2 = f.variant(edit, 2).pullRequestId();
        f.fakes.addFault(Fault.status("PUT", "/pull-requests/" + pr2 + "/description", 1, 503, 1));

        String refine = followUp(CommandKind.REFINE, 2, "see [this](http://evil.example/x) <img src=x>", false, DEV);
        assertThat(f.job(refine).status()).as("waits out the 503").isEqualTo(RuntimeStatus.Running);
        assertThat(reply(refine)).isNull();
        f.clock.advance(java.time.Duration.ofSeconds(5));
        f.prepare.run(refine, f.scheduler);

        assertThat(f.repo.commits.get(f.variant(edit, 2).branch())).as("committed once").hasSize(2);
        assertThat(f.repo.descriptionUpdates.get(pr2)).singleElement().asString()
                .contains("**Refined** (round 1): see \\[this\\](`http://evil.example/x`) &lt;img src=x&gt;")
                .doesNotContain("<img");
        assertThat(reply(refine)).contains("refined variant 2 (round 1)");

        // A refusal (not transient) leaves the description as it was; the refine goes on.
        f.variant.run(edit, 2, f.scheduler);
        f.fanIn.run(edit, f.scheduler);
        f.fakes.addFault(Fault.status("PUT", "/pull-requests/" + pr2 + "/description", 1, 403, null));
        String again = followUp(CommandKind.REFINE, 2, "and the comment", false, DEV);
        assertThat(reply(again)).contains("refined variant 2 (round 2)");
        assertThat(f.job(again).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(f.repo.descriptionUpdates.get(pr2)).hasSize(1);
        assertThat(f.variant(edit, 2).step()).isEqualTo(VariantPhase.CHECK);
    }

    @Test
    void aRefinedVariantIsCheckedAgainRepairedWithItsOwnBudgetAndItsPullRequestToldTheOutcome() {
        List<PatchRequest> requests = new CopyOnWriteArrayList<>();
        f.fakes.patchBehaviour(refining(requests, "class Login {\n  void login(String user) {}\n}\n"));
        CheckOutcome build = FakeServices.CheckBehaviour.passed("build", null);
        // One repair allowed; the refine's commit (round 1) breaks a test, its repair (round 2) fixes it.
        f.fakes.checkBehaviour(r -> new FakeServices.Response(200, FakeServices.CheckBehaviour.result(r,
                CheckSource.CONFIGURED, null, 1, r.k() == 2 && r.round() == 1
                        ? List.of(build, FakeServices.CheckBehaviour.failed("test", new TestCounts(3, 1, 0),
                                List.of("LoginTest.keepsTheName"), List.of()))
                        : List.of(build, FakeServices.CheckBehaviour.passed("test", new TestCounts(4, 0, 0))))));
        String edit = finishedEditJob(2);
        long pr2 = f.variant(edit, 2).pullRequestId();

        followUp(CommandKind.REFINE, 2, "take the user name", false, DEV);
        String refined = f.variant(edit, 2).commitSha();
        f.variant.run(edit, 2, f.scheduler);
        f.fanIn.run(edit, f.scheduler);

        assertThat(f.checks.rounds(edit).get(2)).extracting(CheckRound::round, CheckRound::passed)
                .containsExactly(tuple(0, true), tuple(1, false), tuple(2, true));
        assertThat(f.checks.rounds(edit).get(2).get(1).commit()).isEqualTo(refined);
        PatchRequest repair = requests.get(requests.size() - 1);
        assertThat(repair.followUp().kind()).isEqualTo(FollowUp.Kind.REPAIR);
        assertThat(repair.followUp().previousDiff()).as("the refine's diff comes after the first patch's")
                .isEqualTo("--- a/src/Login.java\n+++ b/src/Login.java\n"
                        + "--- a/src/Login.java\n+++ b/src/Login.java\n@@ refined @@\n");
        List<CommitRequest> commits = f.repo.commits.get(f.variant(edit, 2).branch());
        assertThat(commits).hasSize(3);
        assertThat(commits.subList(1, 3)).extracting(c -> c.message().lines().findFirst().orElseThrow())
                .containsExactly("Refine 1: take the user name", "Repair 1: test");
        assertThat(f.variant(edit, 2).repairs()).isEqualTo(1);
        assertThat(f.repo.statusesByPullRequest.get(pr2)).filteredOn(s -> s.name().equals("checks"))
                .extracting(StatusRequest::state)
                .containsExactly(StatusState.SUCCEEDED, StatusState.SUCCEEDED);
        assertThat(f.repo.threads.get(pr2)).isNull();
        assertThat(summary(edit)).containsPattern("\\| 2 \\| .* \\| passed \\| 4 passed, 0 failed \\| 1 \\| ");
        assertThat(f.job(edit).outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void anEditOnAVariantsOwnPullRequestRefinesThatVariant() {
        String edit = finishedEditJob(2);
        long pr1 = f.variant(edit, 1).pullRequestId();
        RepositoryRef repo = new RepositoryRef("local", "local", "local", f.repository, null);
        long comment = COMMENTS.incrementAndGet();
        String onVariant = f.insert(new StartJobRequest(StartJobRequest.keyOf(repo, pr1, 1, comment), repo, pr1, 1,
                comment, null, DEV, CommandKind.EDIT, "rename the field", 1, null, null, null, null, null, null));

        f.prepare.run(onVariant, f.scheduler);

        assertThat(f.repo.commits.get(f.variant(edit, 1).branch())).hasSize(2);
        assertThat(f.job(onVariant).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(f.variant(onVariant, 1).state()).isEqualTo(VariantState.CANCELLED);
        assertThat(f.followUps.followUpsOf(edit)).singleElement().extracting(v -> v.kind()).isEqualTo(CommandKind.EDIT);
    }

    @Test
    void cancelStopsTheRunningJobAndNothingIsPushedAfter() {
        String edit = f.preparedEditJob(2);

        String cancel = followUp(CommandKind.CANCEL, null);

        assertThat(f.job(edit).cancelRequested()).isTrue();
        assertThat(reply(cancel)).contains("cancelling");
        f.variant.run(edit, 1, f.scheduler);
        f.variant.run(edit, 2, f.scheduler);
        assertThat(f.variant(edit, 1).state()).isEqualTo(VariantState.CANCELLED);
        assertThat(f.repo.commits).isEmpty();
        f.fanIn.run(edit, f.scheduler);
        assertThat(f.job(edit).status()).isEqualTo(RuntimeStatus.Terminated);

        String nothing = followUp(CommandKind.CANCEL, null);
        assertThat(reply(nothing)).contains("nothing is running");
    }

    @Test
    void statusPostsTheTableAgain() {
        String edit = finishedEditJob(2);

        String status = followUp(CommandKind.STATUS, null);

        assertThat(reply(status)).startsWith("### Code Agent: 2 variants").contains("2 of 2 variants succeeded");
        assertThat(f.job(status).outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(f.followUps.command(status).parentJobId()).isEqualTo(edit);
    }

    @Test
    void aWrongVariantOrNoEditJobGetsAHelpfulReply() {
        String none = followUp(CommandKind.PICK, 1);
        assertThat(reply(none)).contains("no `/edit` job in this thread");

        finishedEditJob(2);
        String wrong = followUp(CommandKind.PICK, 5);
        assertThat(reply(wrong)).contains("there is no variant 5").contains("1, 2");
        assertThat(f.repo.completions).isEmpty();
    }

    @Test
    void someoneTheTriggerPolicyRefusesMayNotPick() {
        String edit = finishedEditJob(2);
        f.repo.deny("eve@example.com");

        String pick = followUp(CommandKind.PICK, 1, null, false, new Author("u9", "eve@example.com", "Eve"));

        assertThat(reply(pick)).contains("only the author of the `/edit` command");
        assertThat(f.repo.completions).isEmpty();
        assertThat(f.job(pick).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(f.followUps.pick(edit).picked()).isNull();
    }

    @Test
    void retryRunsAFailedVariantAgainFromItsFailedStep() {
        f.fakes.patchBehaviour(FakeServices.PatchBehaviour.failing(r -> r.k() == 2));
        String edit = finishedEditJob(2);
        assertThat(f.variant(edit, 2).state()).isEqualTo(VariantState.FAILED);
        assertThat(f.job(edit).outcome()).isEqualTo(Outcome.PARTIAL_SUCCESS);
        f.fakes.patchBehaviour(FakeServices.PatchBehaviour.DEFAULT);

        String retry = followUp(CommandKind.RETRY, 2);

        assertThat(reply(retry)).contains("running variant 2 again from its failed step");
        assertThat(f.job(edit).status()).isEqualTo(RuntimeStatus.Running);
        assertThat(f.variant(edit, 2).step()).isEqualTo(VariantPhase.PATCH);
        assertThat(summary(edit)).contains("1 of 2 variants succeeded");
        f.variant.run(edit, 2, f.scheduler);
        f.fanIn.run(edit, f.scheduler);
        assertThat(f.variant(edit, 2).state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.job(edit).outcome()).isEqualTo(Outcome.SUCCESS);
        // The summary posted the first time is rewritten, not left as it was nor posted twice.
        assertThat(summary(edit)).contains("2 of 2 variants succeeded");
        assertThat(f.repo.comments.values()).filteredOn(c -> c.contains("kind=summary")).hasSize(1);

        String notFailed = followUp(CommandKind.RETRY, 1);
        assertThat(reply(notFailed)).contains("only a failed or cancelled variant");
    }

    @Test
    void retryOfAVariantCancelledWhileCheckedRunsItsChecks() {
        f.fakes.checkBehaviour(FakeServices.CheckBehaviour.always(0, FakeServices.CheckBehaviour.passed("build",
                null)));
        // The runner is busy when variant 1 is to be checked; the job is cancelled meanwhile.
        f.fakes.addFault(Fault.status("POST", "/api/checks/runs", 1, 503, null));
        String edit = f.preparedEditJob(1);
        f.variant.run(edit, 1, f.scheduler);
        assertThat(f.variant(edit, 1).step()).isEqualTo(VariantPhase.CHECK);
        followUp(CommandKind.CANCEL, null);
        f.variant.run(edit, 1, f.scheduler);
        f.fanIn.run(edit, f.scheduler);
        assertThat(f.variant(edit, 1).state()).isEqualTo(VariantState.CANCELLED);
        assertThat(f.checks.round(edit, 1, 0).orElseThrow().error()).contains("cancelled");

        String retry = followUp(CommandKind.RETRY, 1);
        assertThat(reply(retry)).contains("from its failed step (checking)");
        f.variant.run(edit, 1, f.scheduler);
        f.fanIn.run(edit, f.scheduler);

        assertThat(f.variant(edit, 1).state()).isEqualTo(VariantState.SUCCEEDED);
        CheckRound round = f.checks.round(edit, 1, 0).orElseThrow();
        assertThat(round.error()).isNull();
        assertThat(round.passed()).isTrue();
        assertThat(f.fakes.checkRuns()).filteredOn(r -> r.jobId().equals(edit)).hasSize(1);
        assertThat(summary(edit)).contains("1 of 1 variants succeeded").contains("| passed |");
    }
}
