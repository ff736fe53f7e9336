package dev.codeagent.adapter.local;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.IdempotencyKeys;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Pull requests, threads, comments and statuses of local repositories. Every change happens under the
 * repository lock and looks before it creates, so retries and concurrent workers never duplicate.
 */
public class LocalPullRequests {

    private final LocalRepositories repositories;
    private final LocalReviewStore store;
    private final String publicUrl;
    private final Clock clock;

    public LocalPullRequests(LocalRepositories repositories, LocalReviewStore store, String publicUrl, Clock clock) {
        this.repositories = repositories;
        this.store = store;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public String url(String repo, long id) {
        return publicUrl + "/api/repos/local/" + repo + "/pull-requests/" + id;
    }

    public LocalPullRequest require(String repo, long id) {
        try (Repository ignored = repositories.open(repo)) {
            return store.find(repo, id).orElseThrow(() -> GitProblems.notFound(
                    "Pull request " + id + " does not exist in local repository '" + repo + "'"));
        }
    }

    public List<LocalPullRequestView> list(String repo) {
        try (Repository repository = repositories.open(repo)) {
            return store.list(repo).stream().map(pr -> view(repository, repo, pr)).toList();
        }
    }

    public LocalPullRequestView view(String repo, long id) {
        LocalPullRequest pr = require(repo, id);
        try (Repository repository = repositories.open(repo)) {
            return view(repository, repo, pr);
        }
    }

    /** Returns the active pull request for the same branches (carrying the marker, if any) or opens one. */
    public PullRequestRef open(String repo, OpenPullRequest request) {
        String source = BranchNames.fullRef(request.sourceBranch());
        String target = BranchNames.fullRef(request.targetBranch());
        if (source.equals(target)) {
            throw GitProblems.invalid("Source and target branch are the same: " + source);
        }
        try (Repository repository = repositories.open(repo)) {
            requireBranch(repository, repo, source);
            requireBranch(repository, repo, target);
        }
        return repositories.withLock(repo, () -> {
            Optional<LocalPullRequest> existing = store.list(repo).stream()
                    .filter(pr -> LocalPullRequest.ACTIVE.equals(pr.status()))
                    .filter(pr -> pr.sourceRef().equals(source) && pr.targetRef().equals(target))
                    .filter(pr -> request.marker() == null
                            || pr.description() != null && pr.description().contains(request.marker()))
                    .findFirst();
            if (existing.isPresent()) {
                return new PullRequestRef(existing.get().id(), url(repo, existing.get().id()), false);
            }
            long id = store.nextId(repo);
            String description = request.description() == null ? "" : request.description();
            if (request.marker() != null && !description.contains(request.marker())) {
                description = description + "\n\n" + request.marker();
            }
            LocalPullRequest pr = new LocalPullRequest(id, request.title(), description, source, target,
                    LocalPullRequest.ACTIVE, request.draft(), request.author(), now(), List.of(), List.of(), null);
            store.save(repo, pr);
            return new PullRequestRef(id, url(repo, id), true);
        });
    }

    public List<LocalThread> threads(String repo, long pullRequestId) {
        return require(repo, pullRequestId).threads();
    }

    /** New thread; with {@code marker} an existing comment carrying it is returned instead. */
    public CommentRef createThread(String repo, long pullRequestId, String content, Author author, String marker) {
        require(repo, pullRequestId);
        return repositories.withLock(repo, () -> {
            LocalPullRequest pr = require(repo, pullRequestId);
            Optional<CommentRef> existing = findMarked(pr.threads(), marker);
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = now();
            LocalThread thread = new LocalThread(pr.nextThreadId(), "active", now,
                    List.of(new LocalComment(1, 0, author, content, now, now)));
            store.save(repo, pr.withThread(thread));
            return new CommentRef(thread.id(), 1);
        });
    }

    public CommentRef reply(String repo, long pullRequestId, long threadId, String content, Long parentCommentId,
            Author author, String marker) {
        require(repo, pullRequestId);
        return repositories.withLock(repo, () -> {
            LocalPullRequest pr = require(repo, pullRequestId);
            LocalThread thread = requireThread(pr, threadId);
            Optional<CommentRef> existing = findMarked(List.of(thread), marker);
            if (existing.isPresent()) {
                return existing.get();
            }
            long parent = parentCommentId == null || parentCommentId <= 0 ? 1 : parentCommentId;
            if (thread.comments().stream().noneMatch(c -> c.id() == parent)) {
                throw GitProblems.notFound("Comment " + parent + " does not exist in thread " + threadId);
            }
            Instant now = now();
            LocalComment comment = new LocalComment(thread.nextCommentId(), parent, author, content, now, now);
            store.save(repo, pr.withThread(thread.withComment(comment)));
            return new CommentRef(threadId, comment.id());
        });
    }

    public CommentRef updateComment(String repo, long pullRequestId, long threadId, long commentId,
            String content) {
        require(repo, pullRequestId);
        return repositories.withLock(repo, () -> {
            LocalPullRequest pr = require(repo, pullRequestId);
            LocalThread thread = requireThread(pr, threadId);
            LocalComment comment = thread.comments().stream().filter(c -> c.id() == commentId).findFirst()
                    .orElseThrow(() -> GitProblems.notFound("Comment " + commentId + " does not exist in thread "
                            + threadId + " of pull request " + pullRequestId));
            // The key's marker stays, so that a repeated create of the comment still finds it after the edit.
            store.save(repo, pr.withThread(thread.withComment(comment.withContent(
                    IdempotencyKeys.keptIn(content, comment.content()), now()))));
            return new CommentRef(threadId, commentId);
        });
    }

    public void addStatus(String repo, long pullRequestId, StatusRequest request) {
        require(repo, pullRequestId);
        repositories.withLock(repo, () -> {
            LocalPullRequest pr = require(repo, pullRequestId);
            store.save(repo, pr.withStatus(new LocalStatus(pr.nextStatusId(), request.state(), request.genre(),
                    request.name(), request.description(), request.targetUrl(), now())));
            return null;
        });
    }

    public void updateDescription(String repo, long pullRequestId, String description) {
        require(repo, pullRequestId);
        repositories.withLock(repo, () -> {
            store.save(repo, require(repo, pullRequestId).withDescription(description));
            return null;
        });
    }

    /** Records the pull request as completed or abandoned; the caller holds the repository lock. */
    void close(String repo, long pullRequestId, String status, String mergeCommit) {
        store.save(repo, require(repo, pullRequestId).closed(status, mergeCommit));
    }

    private LocalPullRequestView view(Repository repository, String repo, LocalPullRequest pr) {
        return new LocalPullRequestView(pr.id(), pr.title(), pr.description(), pr.sourceRef(), pr.targetRef(),
                head(repository, pr.sourceRef()), head(repository, pr.targetRef()), pr.status(), pr.draft(),
                pr.createdBy(), pr.creationDate(), url(repo, pr.id()), pr.threads().size(), pr.statuses(),
                pr.mergeCommit());
    }

    /** Current commit of {@code ref}, or null when the branch does not exist. */
    static String head(Repository repository, String ref) {
        try {
            Ref found = repository.exactRef(ref);
            ObjectId id = found == null ? null : found.getObjectId();
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireBranch(Repository repository, String repo, String ref) {
        if (head(repository, ref) == null) {
            throw GitProblems.notFound("Branch " + ref + " does not exist in local repository '" + repo + "'");
        }
    }

    private static LocalThread requireThread(LocalPullRequest pr, long threadId) {
        return pr.threads().stream().filter(t -> t.id() == threadId).findFirst()
                .orElseThrow(() -> GitProblems.notFound("Thread " + threadId + " does not exist in pull request "
                        + pr.id()));
    }

    private static Optional<CommentRef> findMarked(List<LocalThread> threads, String marker) {
        if (marker == null) {
            return Optional.empty();
        }
        for (LocalThread thread : threads) {
            for (LocalComment comment : thread.comments()) {
                if (comment.content() != null && comment.content().contains(marker)) {
                    return Optional.of(new CommentRef(thread.id(), comment.id()));
                }
            }
        }
        return Optional.empty();
    }

    private Instant now() {
        return clock.instant();
    }
}
