package dev.codeagent.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.IdempotencyKeys;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.AgentMarker;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.platform.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class LocalGitProviderTest {

    @TempDir
    Path root;
    @TempDir
    Path scratch;

    LocalGitProvider provider;
    LocalPullRequests pullRequests;
    Path nonBare;
    Path bare;

    @BeforeEach
    void setUp() throws Exception {
        provider = provider(DataSize.ofKilobytes(64), 1000);
        nonBare = TestRepositories.nonBare(root, "app");
        bare = TestRepositories.bare(root, scratch, "lib");
    }

    LocalGitProvider provider(DataSize maxFile, int maxTree) {
        AdapterProperties properties = new AdapterProperties("http://adapter.test", maxFile, maxTree, "Code Agent",
                "codeagent@localhost", 4, DataSize.ofMegabytes(1));
        LocalRepositories repositories = new LocalRepositories(root);
        repositories.ensureRoot();
        pullRequests = new LocalPullRequests(repositories, new LocalReviewStore(repositories, JsonMapper.builder()
                .build()), properties.publicUrl(), Clock.systemUTC());
        return new LocalGitProvider(repositories, pullRequests, properties);
    }

    static RepositoryCoordinates repo(String name) {
        return new RepositoryCoordinates("local", "local", name);
    }

    Path dir(String name) {
        return name.equals("app") ? nonBare : bare;
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "lib"})
    void createsBranchIdempotentlyAndRefusesOneAtAnotherCommit(String name) throws Exception {
        String main = TestRepositories.head(dir(name), "main");
        String feature = TestRepositories.head(dir(name), "feature");

        BranchInfo created = provider.createBranch(repo(name), new CreateBranchRequest("agents/edit-1-abc-1", main));
        BranchInfo again = provider.createBranch(repo(name), new CreateBranchRequest("agents/edit-1-abc-1", main));

        assertThat(created).isEqualTo(new BranchInfo("agents/edit-1-abc-1", main, true));
        assertThat(again).isEqualTo(new BranchInfo("agents/edit-1-abc-1", main, false));
        assertThat(TestRepositories.head(dir(name), "agents/edit-1-abc-1")).isEqualTo(main);
        assertThat(provider.branch(repo(name), "agents/edit-1-abc-1")).contains(again);
        assertThat(provider.branch(repo(name), "refs/heads/agents/edit-1-abc-1")).contains(again);
        assertThat(provider.branch(repo(name), "agents/none")).isEmpty();

        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class,
                () -> provider.createBranch(repo(name), new CreateBranchRequest("agents/edit-1-abc-1", feature)));
        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.properties()).containsEntry("currentCommit", main);
        assertThat(TestRepositories.head(dir(name), "agents/edit-1-abc-1")).isEqualTo(main);
    }

    @Test
    void branchFromUnknownCommitIsNotFoundAndBadNamesAreRejected() {
        assertProblem(() -> provider.createBranch(repo("app"), new CreateBranchRequest("agents/x",
                "0123456789abcdef0123456789abcdef01234567")), 404);
        String main = headOf("app", "main");
        assertProblem(() -> provider.createBranch(repo("app"), new CreateBranchRequest("agents/../x", main)), 400);
        assertProblem(() -> provider.createBranch(repo("app"), new CreateBranchRequest("agents/x y", main)), 400);
        assertProblem(() -> provider.createBranch(repo("app"), new CreateBranchRequest("agents/x", "HEAD")), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "lib"})
    void commitsAllKindsOfChangesAsARealCommit(String name) throws Exception {
        String feature = TestRepositories.head(dir(name), "feature");
        provider.createBranch(repo(name), new CreateBranchRequest("agents/edit-7-abc-1", feature));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, (byte) 0xff};

        CommitResult result = provider.commit(repo(name), new CommitRequest("agents/edit-7-abc-1", feature,
                "Add validation\n\nVariant 1", new Author("42", "ada@example.com", "Ada Lovelace"), List.of(
                        FileChange.edit("src/app.py", "def login(user):\n    validate(user)\n"),
                        FileChange.add("src/validation.py", "def validate(user):\n    pass\n"),
                        new FileChange(ChangeType.ADD, "assets/logo.png", null,
                                Base64.getEncoder().encodeToString(png), FileContent.BASE64),
                        FileChange.delete("src/new.py"),
                        new FileChange(ChangeType.RENAME, "README.txt", "README.md", null, null))));

        assertThat(result.branch()).isEqualTo("agents/edit-7-abc-1");
        assertThat(result.parent()).isEqualTo(feature);
        assertThat(TestRepositories.head(dir(name), "agents/edit-7-abc-1")).isEqualTo(result.commit());
        RevCommit commit = TestRepositories.commit(dir(name), result.commit());
        assertThat(commit.getParent(0).name()).isEqualTo(feature);
        assertThat(commit.getFullMessage()).isEqualTo("Add validation\n\nVariant 1");
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("Ada Lovelace");
        assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("ada@example.com");
        assertThat(commit.getCommitterIdent().getName()).isEqualTo("Code Agent");
        String id = result.commit();
        assertThat(TestRepositories.text(TestRepositories.fileAt(dir(name), id, "src/app.py")))
                .isEqualTo("def login(user):\n    validate(user)\n");
        assertThat(TestRepositories.text(TestRepositories.fileAt(dir(name), id, "src/validation.py")))
                .isEqualTo("def validate(user):\n    pass\n");
        assertThat(TestRepositories.fileAt(dir(name), id, "assets/logo.png")).isEqualTo(png);
        assertThat(TestRepositories.fileAt(dir(name), id, "src/new.py")).isNull();
        assertThat(TestRepositories.fileAt(dir(name), id, "README.md")).isNull();
        assertThat(TestRepositories.text(TestRepositories.fileAt(dir(name), id, "README.txt"))).isEqualTo("# Demo\n");
        assertThat(TestRepositories.text(TestRepositories.fileAt(dir(name), id, "docs/new-name.txt")))
                .startsWith("a document");
        // The source branch is untouched.
        assertThat(TestRepositories.head(dir(name), "feature")).isEqualTo(feature);
    }

    @Test
    void nonBareWorkingTreeAndIndexStayUntouched() throws Exception {
        String main = headOf("app", "main");
        provider.createBranch(repo("app"), new CreateBranchRequest("agents/w", main));
        provider.commit(repo("app"), new CommitRequest("agents/w", main, "change", null,
                List.of(FileChange.edit("README.md", "# Changed\n"), FileChange.add("x.txt", "x\n"))));

        try (Git git = Git.open(nonBare.toFile())) {
            Status status = git.status().call();
            assertThat(status.isClean()).as("working tree and index clean: %s", status.getUncommittedChanges())
                    .isTrue();
            assertThat(git.getRepository().getBranch()).isEqualTo("main");
        }
        assertThat(Files.readString(nonBare.resolve("README.md"))).isEqualTo("# Demo\n");
        assertThat(nonBare.resolve("x.txt")).doesNotExist();
    }

    @Test
    void refusesToWriteTheCheckedOutBranchOfANonBareRepository() {
        String main = headOf("app", "main");
        assertProblem(() -> provider.commit(repo("app"), new CommitRequest("main", main, "m", null,
                List.of(FileChange.add("y.txt", "y")))), 422);
        assertThat(headOf("app", "main")).isEqualTo(main);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "lib"})
    void commitOnMovedHeadIsAConflictCarryingTheCurrentCommit(String name) throws Exception {
        String main = TestRepositories.head(dir(name), "main");
        String feature = TestRepositories.head(dir(name), "feature");
        provider.createBranch(repo(name), new CreateBranchRequest("agents/c", feature));
        CommitResult first = provider.commit(repo(name), new CommitRequest("agents/c", feature, "first", null,
                List.of(FileChange.add("a.txt", "a"))));

        ApiProblemException conflict = catchThrowableOfType(ApiProblemException.class, () -> provider.commit(
                repo(name), new CommitRequest("agents/c", feature, "second", null,
                        List.of(FileChange.add("b.txt", "b")))));

        assertThat(conflict.status().value()).isEqualTo(409);
        assertThat(conflict.properties()).containsEntry("currentCommit", first.commit());
        assertThat(TestRepositories.head(dir(name), "agents/c")).isEqualTo(first.commit());
        assertProblem(() -> provider.commit(repo(name), new CommitRequest("agents/missing", main, "m", null,
                List.of(FileChange.add("b.txt", "b")))), 404);
    }

    @Test
    void concurrentCommitsOnTheSameHeadLetExactlyOneWin() throws Exception {
        String feature = headOf("app", "feature");
        provider.createBranch(repo("app"), new CreateBranchRequest("agents/race", feature));
        List<Callable<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            attempts.add(() -> {
                try {
                    return provider.commit(repo("app"), new CommitRequest("agents/race", feature, "attempt " + n,
                            null, List.of(FileChange.add("file-" + n + ".txt", "n"))));
                } catch (ApiProblemException e) {
                    return e;
                }
            });
        }
        ExecutorService executor = Executors.newFixedThreadPool(6);
        List<Object> results = new ArrayList<>();
        try {
            for (Future<Object> future : executor.invokeAll(attempts)) {
                results.add(future.get());
            }
        } finally {
            executor.shutdownNow();
        }
        List<CommitResult> wins = results.stream().filter(CommitResult.class::isInstance)
                .map(CommitResult.class::cast).toList();
        assertThat(wins).hasSize(1);
        assertThat(results.stream().filter(ApiProblemException.class::isInstance)
                .map(r -> ((ApiProblemException) r).status().value())).hasSize(5).containsOnly(409);
        assertThat(headOf("app", "agents/race")).isEqualTo(wins.get(0).commit());
    }

    @Test
    void changesThatDoNotFitTheHeadAreRejectedPrecisely() {
        String feature = headOf("app", "feature");
        provider.createBranch(repo("app"), new CreateBranchRequest("agents/bad", feature));
        assertProblem(() -> commit("agents/bad", feature, FileChange.add("src/app.py", "x")), 422);
        assertProblem(() -> commit("agents/bad", feature, FileChange.edit("nope.py", "x")), 422);
        assertProblem(() -> commit("agents/bad", feature, FileChange.delete("nope.py")), 422);
        assertProblem(() -> commit("agents/bad", feature, FileChange.add("src", "x")), 422);
        assertProblem(() -> commit("agents/bad", feature, FileChange.add("README.md/inner", "x")), 422);
        assertProblem(() -> commit("agents/bad", feature, FileChange.add("../escape.txt", "x")), 400);
        assertProblem(() -> commit("agents/bad", feature, FileChange.add("/etc/passwd", "x")), 400);
        assertProblem(() -> commit("agents/bad", feature, FileChange.add(".git/config", "x")), 400);
        assertProblem(() -> commit("agents/bad", feature, FileChange.add("a\\b.txt", "x")), 400);
        assertProblem(() -> commit("agents/bad", feature,
                new FileChange(ChangeType.ADD, "bin.dat", null, "%%%not base64%%%", "base64")), 400);
        assertProblem(() -> commit("agents/bad", feature,
                new FileChange(ChangeType.ADD, "x.txt", null, "x", "latin-1")), 400);
        assertThat(headOf("app", "agents/bad")).isEqualTo(feature);
    }

    private Object commit(String branch, String head, FileChange change) {
        return provider.commit(repo("app"), new CommitRequest(branch, head, "m", null, List.of(change)));
    }

    @Test
    void treeListsEveryBlobWithItsSizeAndStopsAtTheLimit() {
        String feature = headOf("app", "feature");
        TreeListing tree = provider.tree(repo("app"), feature);
        assertThat(tree.truncated()).isFalse();
        assertThat(tree.entries()).extracting(TreeEntry::path)
                .containsExactlyInAnyOrder("README.md", "docs/new-name.txt", "src/app.py", "src/new.py");
        assertThat(tree.entries()).contains(new TreeEntry("README.md", 7));

        TreeListing limited = provider(DataSize.ofKilobytes(64), 2).tree(repo("app"), feature);
        assertThat(limited.entries()).hasSize(2);
        assertThat(limited.truncated()).isTrue();
        assertProblem(() -> provider.tree(repo("app"), "0123456789abcdef0123456789abcdef01234567"), 404);
        assertProblem(() -> provider.tree(repo("app"), "main"), 400);
    }

    @Test
    void contentsReturnTextBinaryTruncatedAndMissing() throws Exception {
        String feature = headOf("app", "feature");
        provider.createBranch(repo("app"), new CreateBranchRequest("agents/content", feature));
        byte[] binary = {0, 1, 2, (byte) 0xfe};
        byte[] latin1 = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        String big = "é".repeat(40);
        CommitResult result = provider.commit(repo("app"), new CommitRequest("agents/content", feature, "m", null,
                List.of(new FileChange(ChangeType.ADD, "bin.dat", null, Base64.getEncoder().encodeToString(binary),
                                "base64"),
                        new FileChange(ChangeType.ADD, "latin1.txt", null, Base64.getEncoder().encodeToString(latin1),
                                "base64"),
                        FileChange.add("big.txt", big))));

        FileContents contents = provider(DataSize.ofBytes(51), 1000).contents(repo("app"), new ContentsRequest(
                result.commit(), List.of("src/app.py", "bin.dat", "latin1.txt", "big.txt", "missing.txt", "src")));

        assertThat(contents.commit()).isEqualTo(result.commit());
        assertThat(contents.missing()).containsExactly("missing.txt", "src");
        assertThat(contents.files()).extracting(FileContent::path)
                .containsExactly("src/app.py", "bin.dat", "latin1.txt", "big.txt");
        FileContent text = contents.files().get(0);
        assertThat(text.content()).startsWith("def login(user):\n    if not user:");
        assertThat(text.encoding()).isEqualTo("utf-8");
        assertThat(text.binary()).isFalse();
        FileContent bin = contents.files().get(1);
        assertThat(bin.binary()).isTrue();
        assertThat(Base64.getDecoder().decode(bin.content())).isEqualTo(binary);
        assertThat(bin.size()).isEqualTo(4);
        FileContent notUtf8 = contents.files().get(2);
        assertThat(notUtf8.encoding()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(notUtf8.content())).isEqualTo(latin1);
        FileContent cut = contents.files().get(3);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.size()).isEqualTo(80);
        assertThat(cut.encoding()).isEqualTo("utf-8");
        assertThat(cut.content()).isEqualTo("é".repeat(25));
        assertProblem(() -> provider.contents(repo("app"), new ContentsRequest(feature, List.of("../x"))), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "lib"})
    void pullRequestIsFoundOrCreatedOnceAndReadBack(String name) throws Exception {
        String marker = AgentMarker.of("job", "j1", "variant", "1");
        String main = TestRepositories.head(dir(name), "main");
        String feature = TestRepositories.head(dir(name), "feature");
        PullRequestRef first = provider.findOrCreatePullRequest(repo(name), new CreatePullRequestRequest("feature",
                "main", "Variant 1", "Body", true, marker));
        PullRequestRef again = provider.findOrCreatePullRequest(repo(name), new CreatePullRequestRequest(
                "refs/heads/feature", "refs/heads/main", "Variant 1 (retry)", "Body", true, marker));
        PullRequestRef other = provider.findOrCreatePullRequest(repo(name), new CreatePullRequestRequest("feature",
                "main", "Variant 2", "Body", true, AgentMarker.of("job", "j2")));

        assertThat(first.created()).isTrue();
        assertThat(again).isEqualTo(new PullRequestRef(first.id(), first.url(), false));
        assertThat(other.created()).isTrue();
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(first.url()).isEqualTo("http://adapter.test/api/repos/local/" + name + "/pull-requests/"
                + first.id());

        PullRequestInfo info = provider.pullRequest(repo(name), first.id());
        assertThat(info.title()).isEqualTo("Variant 1");
        assertThat(info.description()).contains("Body").contains(marker);
        assertThat(info.sourceRef()).isEqualTo("refs/heads/feature");
        assertThat(info.targetRef()).isEqualTo("refs/heads/main");
        assertThat(info.sourceCommit()).isEqualTo(feature);
        assertThat(info.targetCommit()).isEqualTo(main);
        assertThat(info.status()).isEqualTo("active");
        assertThat(info.draft()).isTrue();
        assertThat(info.author().displayName()).isEqualTo("Code Agent");
        assertThat(root.resolve(".codeagent-reviews").resolve(name).resolve("pr-" + first.id() + ".json"))
                .exists();
        assertThat(pullRequests.list(name)).hasSize(2);
        assertProblem(() -> provider.pullRequest(repo(name), 999), 404);
        assertProblem(() -> provider.findOrCreatePullRequest(repo(name), new CreatePullRequestRequest("nope",
                "main", "t", null, true, marker)), 404);
    }

    @Test
    void concurrentFindOrCreateMakesOnePullRequest() throws Exception {
        String marker = AgentMarker.of("job", "race");
        ExecutorService executor = Executors.newFixedThreadPool(6);
        List<Callable<PullRequestRef>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> provider.findOrCreatePullRequest(repo("app"), new CreatePullRequestRequest("feature",
                    "main", "t", "d", true, marker)));
        }
        List<PullRequestRef> refs = new ArrayList<>();
        try {
            for (Future<PullRequestRef> future : executor.invokeAll(calls)) {
                refs.add(future.get());
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(refs).extracting(PullRequestRef::id).containsOnly(refs.get(0).id());
        assertThat(refs).filteredOn(PullRequestRef::created).hasSize(1);
        assertThat(pullRequests.list("app")).hasSize(1);
    }

    @Test
    void threadsRepliesUpdatesAndStatusesAreStoredAndIdempotentWithAKey() {
        long pr = provider.findOrCreatePullRequest(repo("app"), new CreatePullRequestRequest("feature", "main", "t",
                null, false, AgentMarker.of("job", "t"))).id();

        CommentRef command = provider.createThread(repo("app"), pr, new CommentRequest("/edit /3 add validation",
                null), null);
        CommentRef progress = provider.reply(repo("app"), pr, command.threadId(), new CommentRequest(
                "Working on 3 variants", 1L), "job-1-progress");
        CommentRef retried = provider.reply(repo("app"), pr, command.threadId(), new CommentRequest(
                "Working on 3 variants", 1L), "job-1-progress");
        CommentRef updated = provider.updateComment(repo("app"), pr, command.threadId(), progress.commentId(),
                new CommentRequest("1 of 3 variants done", null));
        CommentRef retriedAfterTheEdit = provider.reply(repo("app"), pr, command.threadId(), new CommentRequest(
                "Working on 3 variants", 1L), "job-1-progress");
        CommentRef keyed = provider.createThread(repo("app"), pr, new CommentRequest("Summary", null), "job-1-sum");
        CommentRef keyedAgain = provider.createThread(repo("app"), pr, new CommentRequest("Summary", null),
                "job-1-sum");
        CommentRef unkeyed = provider.createThread(repo("app"), pr, new CommentRequest("Summary", null), null);
        provider.setStatus(repo("app"), pr, new StatusRequest(StatusState.PENDING, "codeagent", "edit", "Working",
                "http://x/jobs/1"));
        provider.setStatus(repo("app"), pr, new StatusRequest(StatusState.SUCCEEDED, "codeagent", "edit", "Done",
                null));

        assertThat(command).isEqualTo(new CommentRef(1, 1));
        assertThat(progress).isEqualTo(new CommentRef(1, 2));
        assertThat(retried).isEqualTo(progress);
        assertThat(updated).isEqualTo(progress);
        assertThat(retriedAfterTheEdit).isEqualTo(progress);
        assertThat(keyedAgain).isEqualTo(keyed);
        assertThat(unkeyed.threadId()).isNotEqualTo(keyed.threadId());

        List<LocalThread> threads = pullRequests.threads("app", pr);
        assertThat(threads).hasSize(3);
        LocalThread thread = threads.get(0);
        assertThat(thread.comments()).hasSize(2);
        assertThat(thread.comments().get(0).content()).isEqualTo("/edit /3 add validation");
        assertThat(thread.comments().get(0).parentCommentId()).isZero();
        assertThat(thread.comments().get(1).content()).isEqualTo("1 of 3 variants done\n\n"
                + IdempotencyKeys.marker("job-1-progress"));
        assertThat(thread.comments().get(1).parentCommentId()).isEqualTo(1);
        assertThat(thread.comments().get(1).lastUpdatedAt()).isAfterOrEqualTo(thread.comments().get(1).publishedAt());
        LocalPullRequestView view = pullRequests.view("app", pr);
        assertThat(view.statuses()).extracting(LocalStatus::state)
                .containsExactly(StatusState.PENDING, StatusState.SUCCEEDED);
        assertThat(view.statuses().get(0).targetUrl()).isEqualTo("http://x/jobs/1");

        assertProblem(() -> provider.reply(repo("app"), pr, 99, new CommentRequest("x", null), null), 404);
        assertProblem(() -> provider.updateComment(repo("app"), pr, 1, 99, new CommentRequest("x", null)), 404);
        assertProblem(() -> provider.createThread(repo("app"), 99, new CommentRequest("x", null), null), 404);
    }

    @Test
    void aDescriptionUpdateReplacesTheDescriptionAndKeepsTheRest() {
        String marker = AgentMarker.of("job", "d", "variant", "1");
        long pr = provider.findOrCreatePullRequest(repo("app"), new CreatePullRequestRequest("feature", "main", "t",
                "First figures\n\n" + marker, true, marker)).id();
        provider.setStatus(repo("app"), pr, new StatusRequest(StatusState.SUCCEEDED, "codeagent", "checks", "ok",
                null));

        provider.updateDescription(repo("app"), pr, "Refined figures\n\n" + marker);
        provider.updateDescription(repo("app"), pr, "Refined figures\n\n" + marker);

        LocalPullRequestView view = pullRequests.view("app", pr);
        assertThat(view.description()).isEqualTo("Refined figures\n\n" + marker);
        assertThat(view.draft()).isTrue();
        assertThat(view.statuses()).hasSize(1);
        assertThat(provider.findOrCreatePullRequest(repo("app"), new CreatePullRequestRequest("feature", "main", "t",
                "other", true, marker)).created()).isFalse();
        assertProblem(() -> provider.updateDescription(repo("app"), 99, "x"), 404);
    }

    @Test
    void changedFilesCompareTheSourceWithTheMergeBase() {
        long pr = provider.findOrCreatePullRequest(repo("lib"), new CreatePullRequestRequest("feature", "main", "t",
                null, false, AgentMarker.of("job", "c"))).id();
        ChangedFiles changes = provider.changedFiles(repo("lib"), pr);
        assertThat(changes.iteration()).isEqualTo(1);
        assertThat(changes.files()).containsExactlyInAnyOrder(
                new ChangedFile("src/app.py", ChangeType.EDIT, null),
                new ChangedFile("src/new.py", ChangeType.ADD, null),
                new ChangedFile("obsolete.txt", ChangeType.DELETE, null),
                new ChangedFile("docs/new-name.txt", ChangeType.RENAME, "docs/old-name.txt"));
    }

    @Test
    void unknownAndInvalidRepositoriesAreReportedPrecisely() {
        assertProblem(() -> provider.branch(repo("nope"), "main"), 404);
        assertProblem(() -> provider.branch(repo("../app"), "main"), 400);
        assertProblem(() -> provider.branch(repo(".codeagent-reviews"), "main"), 400);
        assertThat(provider.branch(repo("lib.git"), "main")).isPresent();
    }

    @Test
    void statusReflectsTheRoot() {
        assertThat(provider.status().ready()).isTrue();
        assertThat(provider.status().details()).containsEntry("root", root.toAbsolutePath().normalize().toString());
    }

    private String headOf(String name, String branch) {
        try {
            return TestRepositories.head(dir(name), branch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblemException.class,
                e -> assertThat(e.status().value()).as(e.getMessage()).isEqualTo(status));
    }
}
