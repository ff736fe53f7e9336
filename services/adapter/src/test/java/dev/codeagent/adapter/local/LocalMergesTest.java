package dev.codeagent.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.MergeStrategy;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.platform.web.ApiProblemException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** /pick on the local provider: a real merge on the bare repository, the pull request records, the cleanup. */
class LocalMergesTest {

    static final RepositoryCoordinates LIB = new RepositoryCoordinates("local", "local", "lib");
    static final String APP_V1 = "def login(user):\n    if not user:\n        raise ValueError('user')\n    return True\n";
    static final String APP_V2 = "def login(user):\n    if user is None:\n        return False\n    return True\n";

    @TempDir
    Path root;
    @TempDir
    Path scratch;

    LocalGitProvider provider;
    LocalPullRequests pullRequests;
    Path bare;
    String feature;

    @BeforeEach
    void setUp() throws Exception {
        AdapterProperties properties = new AdapterProperties("http://adapter.test", DataSize.ofKilobytes(64), 1000,
                "Code Agent", "codeagent@localhost", 4, DataSize.ofMegabytes(200));
        LocalRepositories repositories = new LocalRepositories(root);
        repositories.ensureRoot();
        pullRequests = new LocalPullRequests(repositories, new LocalReviewStore(repositories, JsonMapper.builder()
                .build()), properties.publicUrl(), Clock.systemUTC());
        provider = new LocalGitProvider(repositories, pullRequests, properties);
        bare = TestRepositories.bare(root, scratch, "lib");
        feature = TestRepositories.head(bare, "feature");
    }

    /** A variant branch off {@code feature} with one commit changing {@code src/app.py}, and its draft PR. */
    long variant(int k, String app) {
        String branch = "agents/edit-1-abc-" + k;
        provider.createBranch(LIB, new CreateBranchRequest(branch, feature));
        provider.commit(LIB, new CommitRequest(branch, feature, "Variant " + k, null,
                List.of(FileChange.edit("src/app.py", app))));
        return provider.findOrCreatePullRequest(LIB, new CreatePullRequestRequest(branch, "feature", "Variant " + k,
                "variant", true, "<!-- codeagent:job=abc;k=" + k + " -->")).id();
    }

    String head(String branch) throws Exception {
        return TestRepositories.head(bare, branch);
    }

    @Test
    void squashPutsOneCommitOnTheTargetMergedOntoItsCurrentHeadAndDeletesTheSource() throws Exception {
        long pr = variant(1, APP_V1);
        String variantHead = head("agents/edit-1-abc-1");
        // The target moved after the variant branched: the squash must merge, not overwrite.
        provider.commit(LIB, new CommitRequest("feature", feature, "Someone else", null,
                List.of(FileChange.add("NOTES.md", "notes\n"))));
        String moved = head("feature");

        PullRequestCompletion completion = provider.completePullRequest(LIB, pr,
                new CompletePullRequestRequest(variantHead, MergeStrategy.SQUASH, "Pick variant 1", true));

        assertThat(completion.completedNow()).isTrue();
        assertThat(head("feature")).isEqualTo(completion.mergeCommit());
        RevCommit squash = TestRepositories.commit(bare, completion.mergeCommit());
        assertThat(squash.getParentCount()).isEqualTo(1);
        assertThat(squash.getParent(0).name()).isEqualTo(moved);
        assertThat(squash.getFullMessage()).isEqualTo("Pick variant 1");
        assertThat(TestRepositories.text(TestRepositories.fileAt(bare, squash.name(), "src/app.py")))
                .isEqualTo(APP_V1);
        assertThat(TestRepositories.text(TestRepositories.fileAt(bare, squash.name(), "NOTES.md")))
                .isEqualTo("notes\n");
        assertThat(head("agents/edit-1-abc-1")).isNull();
        LocalPullRequestView view = pullRequests.view("lib", pr);
        assertThat(view.status()).isEqualTo("completed");
        assertThat(view.draft()).isFalse();
        assertThat(view.mergeCommit()).isEqualTo(completion.mergeCommit());

        PullRequestCompletion again = provider.completePullRequest(LIB, pr,
                new CompletePullRequestRequest(variantHead, MergeStrategy.SQUASH, "Pick variant 1", true));
        assertThat(again).isEqualTo(new PullRequestCompletion(pr, completion.mergeCommit(), false));
        assertThat(head("feature")).isEqualTo(completion.mergeCommit());
    }

    @Test
    void aConflictChangesNothing() throws Exception {
        long first = variant(1, APP_V1);
        long second = variant(2, APP_V2);
        provider.completePullRequest(LIB, first, new CompletePullRequestRequest(head("agents/edit-1-abc-1"),
                MergeStrategy.SQUASH, null, false));
        String target = head("feature");
        String secondHead = head("agents/edit-1-abc-2");

        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class,
                () -> provider.completePullRequest(LIB, second,
                        new CompletePullRequestRequest(secondHead, MergeStrategy.SQUASH, null, true)));

        assertThat(conflict.type()).isEqualTo(ProblemTypes.MERGE_CONFLICT);
        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.getMessage()).contains("src/app.py");
        assertThat(head("feature")).isEqualTo(target);
        assertThat(head("agents/edit-1-abc-2")).isEqualTo(secondHead);
        assertThat(pullRequests.view("lib", second).status()).isEqualTo("active");
    }

    @Test
    void aSourceThatMovedPastTheReviewedCommitIsAConflict() throws Exception {
        long pr = variant(1, APP_V1);
        ApiProblemException moved = catchThrowableOfType(ApiProblemException.class,
                () -> provider.completePullRequest(LIB, pr, new CompletePullRequestRequest(feature,
                        MergeStrategy.SQUASH, null, true)));
        assertThat(moved.type()).isEqualTo(ProblemTypes.CONFLICT);
        assertThat(pullRequests.view("lib", pr).status()).isEqualTo("active");
    }

    @Test
    void noFastForwardAndRebaseKeepTheirShapes() throws Exception {
        long first = variant(1, APP_V1);
        String firstHead = head("agents/edit-1-abc-1");
        PullRequestCompletion merge = provider.completePullRequest(LIB, first,
                new CompletePullRequestRequest(firstHead, MergeStrategy.NO_FAST_FORWARD, "Merge", false));
        RevCommit mergeCommit = TestRepositories.commit(bare, merge.mergeCommit());
        assertThat(mergeCommit.getParentCount()).isEqualTo(2);
        assertThat(mergeCommit.getParent(1).name()).isEqualTo(firstHead);
        assertThat(head("agents/edit-1-abc-1")).isEqualTo(firstHead);

        String branch = "agents/edit-1-abc-3";
        String base = head("feature");
        provider.createBranch(LIB, new CreateBranchRequest(branch, base));
        provider.commit(LIB, new CommitRequest(branch, base, "Add a", null, List.of(FileChange.add("a.txt", "a\n"))));
        provider.commit(LIB, new CommitRequest(branch, head(branch), "Add b", null,
                List.of(FileChange.add("b.txt", "b\n"))));
        long third = provider.findOrCreatePullRequest(LIB, new CreatePullRequestRequest(branch, "feature", "Three",
                null, false, "<!-- codeagent:job=abc;k=3 -->")).id();
        provider.commit(LIB, new CommitRequest("feature", base, "Meanwhile", null,
                List.of(FileChange.add("c.txt", "c\n"))));
        String meanwhile = head("feature");
        PullRequestCompletion rebased = provider.completePullRequest(LIB, third,
                new CompletePullRequestRequest(head(branch), MergeStrategy.REBASE, null, false));
        RevCommit top = TestRepositories.commit(bare, rebased.mergeCommit());
        assertThat(top.getFullMessage()).isEqualTo("Add b");
        RevCommit below = TestRepositories.commit(bare, top.getParent(0).name());
        assertThat(below.getFullMessage()).isEqualTo("Add a");
        assertThat(below.getParent(0).name()).isEqualTo(meanwhile);
        assertThat(TestRepositories.fileAt(bare, top.name(), "c.txt")).isNotNull();
    }

    @Test
    void abandonAndDeleteBranchAreIdempotentAndSpareMovedBranches() throws Exception {
        long pr = variant(2, APP_V2);
        String branchHead = head("agents/edit-1-abc-2");

        assertThat(provider.abandonPullRequest(LIB, pr)).isEqualTo(new PullRequestAbandonment(pr, true, "abandoned"));
        assertThat(provider.abandonPullRequest(LIB, pr)).isEqualTo(new PullRequestAbandonment(pr, false, "abandoned"));
        assertThat(pullRequests.view("lib", pr).status()).isEqualTo("abandoned");

        ApiProblemException moved = catchThrowableOfType(ApiProblemException.class,
                () -> provider.deleteBranch(LIB, "agents/edit-1-abc-2", feature));
        assertThat(moved.type()).isEqualTo(ProblemTypes.CONFLICT);
        assertThat(head("agents/edit-1-abc-2")).isEqualTo(branchHead);

        provider.deleteBranch(LIB, "agents/edit-1-abc-2", branchHead);
        assertThat(head("agents/edit-1-abc-2")).isNull();
        provider.deleteBranch(LIB, "agents/edit-1-abc-2", branchHead);
        assertThat(head("agents/edit-1-abc-2")).isNull();
    }
}
