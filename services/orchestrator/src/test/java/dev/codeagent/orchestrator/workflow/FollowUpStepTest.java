package dev.codeagent.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.MergeStrategy;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.VariantState;
import dev.codeagent.contracts.patch.FollowUp;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.orchestrator.fake.FakeServices;
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

    @Test
    void refineCommitsOnTheVariantWithTheFeedbackAndThePreviousDiffThenPickTakesTheRefinedCommit() {
        List<PatchRequest> requests = new CopyOnWriteArrayList<>();
        f.fakes.patchBehaviour(request -> {
            requests.add(request);
            return FakeServices.PatchBehaviour.DEFAULT.answer(request);
        });
        String edit = finishedEditJob(3);
        String branch = f.variant(edit, 2).branch();
        String before = f.variant(edit, 2).commitSha();

        String refine = followUp(CommandKind.REFINE, 2, "keep the old method name\nand the comment", false, DEV);

        PatchRequest request = requests.get(requests.size() - 1);
        assertThat(request.followUp()).isEqualTo(new FollowUp(FollowUp.Kind.REFINE, 1,
                "keep the old method name\nand the comment", "--- a/src/Login.java\n+++ b/src/Login.java\n"));
        assertThat(request.k()).isEqualTo(2);
        assertThat(request.files()).extracting(s -> s.path()).contains("src/Login.java");
        List<CommitRequest> commits = f.repo.commits.get(branch);
        assertThat(commits).hasSize(2);
        assertThat(commits.get(1).expectedHead()).isEqualTo(before);
        assertThat(commits.get(1).message()).startsWith("Refine 1: keep the old method name\n");
        String refined = f.repo.branches.get(branch);
        assertThat(f.variant(edit, 2).commitSha()).isEqualTo(refined);
        assertThat(reply(refine)).contains("refined variant 2 (round 1)").contains(refined);
        // The table's row of variant 2 counts both commits.
        assertThat(f.repo.comments.get(f.job(edit).progressCommentId())).contains("| 2 | ✅ succeeded")
                .contains("+4 / −2");

        followUp(CommandKind.PICK, 2);
        assertThat(f.repo.completions).singleElement().extracting(c -> c.lastMergeSourceCommit()).isEqualTo(refined);
        assertThat(f.followUps.pick(edit).picked()).isEqualTo(2);
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
        f.variant.run(edit, 2, f.scheduler);
        f.fanIn.run(edit, f.scheduler);
        assertThat(f.variant(edit, 2).state()).isEqualTo(VariantState.SUCCEEDED);
        assertThat(f.job(edit).outcome()).isEqualTo(Outcome.SUCCESS);

        String notFailed = followUp(CommandKind.RETRY, 1);
        assertThat(reply(notFailed)).contains("only a failed or cancelled variant");
    }
}
