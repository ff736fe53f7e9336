package dev.codeagent.adapter.local;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.ContentDecoder;
import dev.codeagent.adapter.provider.ExistingBranch;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.IdempotencyKeys;
import dev.codeagent.adapter.provider.ProviderStatus;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.RepositoryPaths;
import dev.codeagent.adapter.provider.TreeArchive;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.git.TreeListing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The {@code local} provider: real git repositories under a folder, read and written with JGit (objects
 * and refs only, never a working tree), with pull requests kept in {@link LocalPullRequests}.
 */
public class LocalGitProvider implements GitProvider {

    private final LocalRepositories repositories;
    private final LocalPullRequests pullRequests;
    private final AdapterProperties adapter;
    private final Author agent;
    private final LocalMerges merges;

    public LocalGitProvider(LocalRepositories repositories, LocalPullRequests pullRequests,
            AdapterProperties adapter) {
        this.repositories = repositories;
        this.pullRequests = pullRequests;
        this.adapter = adapter;
        this.agent = new Author("codeagent", adapter.committerEmail(), adapter.committerName());
        this.merges = new LocalMerges(repositories, pullRequests,
                new PersonIdent(adapter.committerName(), adapter.committerEmail()));
    }

    @Override
    public String name() {
        return RepositoryRef.LOCAL;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public ProviderStatus status() {
        Path root = repositories.root();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("root", root.toString());
        if (!Files.isDirectory(root)) {
            return new ProviderStatus(name(), true, false, "Local root does not exist: " + root, details);
        }
        if (!Files.isWritable(root) || !Files.isWritable(root.resolve(LocalRepositories.REVIEWS_DIR))) {
            return new ProviderStatus(name(), true, false, "Local root is not writable: " + root, details);
        }
        return new ProviderStatus(name(), true, true, "Repositories under " + root, details);
    }

    @Override
    public PullRequestInfo pullRequest(RepositoryCoordinates repo, long pullRequestId) {
        LocalPullRequestView pr = pullRequests.view(repo.repository(), pullRequestId);
        return new PullRequestInfo(pr.id(), pr.title(), pr.description(), pr.sourceRef(), pr.targetRef(),
                pr.sourceCommit(), pr.targetCommit(), pr.status(), pr.draft(), pr.createdBy(), pr.url());
    }

    /**
     * Files changed between the merge base of the two branches and the source head. The iteration number
     * is the count of source commits since the merge base: it grows with every push, as on Azure DevOps.
     */
    @Override
    public ChangedFiles changedFiles(RepositoryCoordinates repo, long pullRequestId) {
        LocalPullRequest pr = pullRequests.require(repo.repository(), pullRequestId);
        try (Repository repository = repositories.open(repo.repository()); RevWalk walk = new RevWalk(repository)) {
            ObjectId sourceId = requireHead(repository, pr.sourceRef());
            ObjectId targetId = requireHead(repository, pr.targetRef());
            RevCommit source = walk.parseCommit(sourceId);
            RevCommit target = walk.parseCommit(targetId);
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(source);
            walk.markStart(target);
            RevCommit base = walk.next();
            walk.reset();
            walk.setRevFilter(RevFilter.ALL);

            try (TreeWalk treeWalk = new TreeWalk(repository)) {
                treeWalk.setRecursive(true);
                treeWalk.setFilter(TreeFilter.ANY_DIFF);
                if (base == null) {
                    treeWalk.addTree(new EmptyTreeIterator());
                } else {
                    treeWalk.addTree(walk.parseCommit(base).getTree());
                }
                treeWalk.addTree(source.getTree());
                RenameDetector renames = new RenameDetector(repository);
                renames.addAll(DiffEntry.scan(treeWalk));
                List<ChangedFile> files = new ArrayList<>();
                for (DiffEntry entry : renames.compute()) {
                    files.add(switch (entry.getChangeType()) {
                        case ADD, COPY -> new ChangedFile(entry.getNewPath(), ChangeType.ADD, null);
                        case MODIFY -> new ChangedFile(entry.getNewPath(), ChangeType.EDIT, null);
                        case DELETE -> new ChangedFile(entry.getOldPath(), ChangeType.DELETE, null);
                        case RENAME -> new ChangedFile(entry.getNewPath(), ChangeType.RENAME, entry.getOldPath());
                    });
                }
                walk.markStart(walk.parseCommit(sourceId));
                if (base != null) {
                    walk.markUninteresting(walk.parseCommit(base));
                }
                int commits = 0;
                while (walk.next() != null) {
                    commits++;
                }
                return new ChangedFiles(Math.max(1, commits), files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TreeListing tree(RepositoryCoordinates repo, String commit) {
        CommitIds.requireFull(commit, "commit");
        try (Repository repository = repositories.open(repo.repository()); RevWalk walk = new RevWalk(repository);
                TreeWalk treeWalk = new TreeWalk(repository)) {
            RevCommit revCommit = parseCommit(walk, commit, repo);
            treeWalk.addTree(revCommit.getTree());
            treeWalk.setRecursive(true);
            ObjectReader reader = treeWalk.getObjectReader();
            List<TreeEntry> entries = new ArrayList<>();
            boolean truncated = false;
            while (treeWalk.next()) {
                if (!isBlob(treeWalk.getFileMode(0))) {
                    continue;
                }
                if (entries.size() >= adapter.maxTreeEntries()) {
                    truncated = true;
                    break;
                }
                entries.add(new TreeEntry(treeWalk.getPathString(),
                        reader.getObjectSize(treeWalk.getObjectId(0), Constants.OBJ_BLOB)));
            }
            return new TreeListing(commit, entries, truncated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TreeArchive archive(RepositoryCoordinates repo, String commit, long maxBytes) {
        CommitIds.requireFull(commit, "commit");
        Repository repository = repositories.open(repo.repository());
        TreeZip zip = null;
        try (RevWalk walk = new RevWalk(repository)) {
            zip = TreeZip.of(repository, parseCommit(walk, commit, repo).getTree(), commit, maxBytes);
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (zip == null) {
                repository.close();
            }
        }
    }

    @Override
    public FileContents contents(RepositoryCoordinates repo, ContentsRequest request) {
        CommitIds.requireFull(request.commit(), "commit");
        request.paths().forEach(RepositoryPaths::requireSafe);
        long limit = adapter.maxFileSize().toBytes();
        try (Repository repository = repositories.open(repo.repository()); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = parseCommit(walk, request.commit(), repo);
            List<FileContent> files = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String path : request.paths()) {
                try (TreeWalk found = TreeWalk.forPath(repository, path, commit.getTree())) {
                    if (found == null || !isBlob(found.getFileMode(0))) {
                        missing.add(path);
                        continue;
                    }
                    ObjectLoader loader = repository.open(found.getObjectId(0), Constants.OBJ_BLOB);
                    long size = loader.getSize();
                    boolean truncated = size > limit;
                    byte[] bytes;
                    try (InputStream in = loader.openStream()) {
                        bytes = in.readNBytes((int) Math.min(size, limit));
                    }
                    files.add(ContentDecoder.decode(path, bytes, size, truncated));
                }
            }
            return new FileContents(request.commit(), files, missing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<BranchInfo> branch(RepositoryCoordinates repo, String name) {
        String shortName = BranchNames.shortName(name);
        try (Repository repository = repositories.open(repo.repository())) {
            String head = LocalPullRequests.head(repository, BranchNames.HEADS + shortName);
            return head == null ? Optional.empty() : Optional.of(new BranchInfo(shortName, head, false));
        }
    }

    @Override
    public BranchInfo createBranch(RepositoryCoordinates repo, CreateBranchRequest request) {
        String shortName = BranchNames.shortName(request.name());
        String commit = CommitIds.requireFull(request.commit(), "commit");
        return repositories.withLock(repo.repository(), () -> {
            try (Repository repository = repositories.open(repo.repository()); RevWalk walk = new RevWalk(repository)) {
                String ref = BranchNames.HEADS + shortName;
                String current = LocalPullRequests.head(repository, ref);
                if (current != null) {
                    return ExistingBranch.reuse(shortName, commit, current);
                }
                parseCommit(walk, commit, repo);
                RefUpdate update = repository.updateRef(ref);
                update.setExpectedOldObjectId(ObjectId.zeroId());
                update.setNewObjectId(ObjectId.fromString(commit));
                update.setRefLogMessage("codeagent: create branch", false);
                RefUpdate.Result result = update.update(walk);
                if (result == RefUpdate.Result.NEW) {
                    return new BranchInfo(shortName, commit, true);
                }
                String now = LocalPullRequests.head(repository, ref);
                if (now != null) {
                    return ExistingBranch.reuse(shortName, commit, now);
                }
                throw GitProblems.unprocessable("Branch " + shortName + " could not be created: " + result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public CommitResult commit(RepositoryCoordinates repo, CommitRequest request) {
        String shortName = BranchNames.shortName(request.branch());
        String expected = CommitIds.requireFull(request.expectedHead(), "expectedHead");
        request.changes().forEach(c -> RepositoryPaths.requireSafe(c.path()));
        String ref = BranchNames.HEADS + shortName;
        return repositories.withLock(repo.repository(), () -> {
            try (Repository repository = repositories.open(repo.repository()); RevWalk walk = new RevWalk(repository);
                    ObjectInserter inserter = repository.newObjectInserter()) {
                if (!repository.isBare() && ref.equals(repository.getFullBranch())) {
                    throw GitProblems.unprocessable("Branch " + shortName + " is checked out in the working tree "
                            + "of local repository '" + repo.repository() + "'; the agent does not write to it");
                }
                String current = LocalPullRequests.head(repository, ref);
                if (current == null) {
                    throw GitProblems.notFound("Branch " + shortName + " does not exist in local repository '"
                            + repo.repository() + "'");
                }
                if (!current.equals(expected)) {
                    throw GitProblems.conflict("Branch " + shortName + " moved: head is " + current + ", expected "
                            + expected, current);
                }
                RevCommit parent = walk.parseCommit(ObjectId.fromString(expected));
                ObjectId tree = TreeEditor.apply(walk.getObjectReader(), inserter, parent.getTree(),
                        request.changes());
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(tree);
                commit.setParentId(parent);
                commit.setAuthor(author(request.author()));
                commit.setCommitter(new PersonIdent(adapter.committerName(), adapter.committerEmail()));
                commit.setMessage(request.message());
                ObjectId commitId = inserter.insert(commit);
                inserter.flush();

                RefUpdate update = repository.updateRef(ref);
                update.setExpectedOldObjectId(parent);
                update.setNewObjectId(commitId);
                update.setRefLogMessage("codeagent: commit", false);
                RefUpdate.Result result = update.update(walk);
                if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.FORCED) {
                    String now = LocalPullRequests.head(repository, ref);
                    throw GitProblems.conflict("Branch " + shortName + " could not be updated (" + result
                            + "); head is " + now, now);
                }
                return new CommitResult(shortName, commitId.name(), parent.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public PullRequestRef findOrCreatePullRequest(RepositoryCoordinates repo, CreatePullRequestRequest request) {
        return pullRequests.open(repo.repository(), new OpenPullRequest(request.sourceBranch(),
                request.targetBranch(), request.title(), request.description(), request.draft(), agent,
                request.marker()));
    }

    @Override
    public CommentRef createThread(RepositoryCoordinates repo, long pullRequestId, CommentRequest request,
            String idempotencyKey) {
        String marker = IdempotencyKeys.marker(idempotencyKey);
        return pullRequests.createThread(repo.repository(), pullRequestId,
                IdempotencyKeys.withMarker(request.content(), marker), agent, marker);
    }

    @Override
    public CommentRef reply(RepositoryCoordinates repo, long pullRequestId, long threadId, CommentRequest request,
            String idempotencyKey) {
        String marker = IdempotencyKeys.marker(idempotencyKey);
        return pullRequests.reply(repo.repository(), pullRequestId, threadId,
                IdempotencyKeys.withMarker(request.content(), marker), request.parentCommentId(), agent, marker);
    }

    @Override
    public CommentRef updateComment(RepositoryCoordinates repo, long pullRequestId, long threadId, long commentId,
            CommentRequest request) {
        return pullRequests.updateComment(repo.repository(), pullRequestId, threadId, commentId, request.content());
    }

    @Override
    public void setStatus(RepositoryCoordinates repo, long pullRequestId, StatusRequest request) {
        pullRequests.addStatus(repo.repository(), pullRequestId, request);
    }

    @Override
    public void updateDescription(RepositoryCoordinates repo, long pullRequestId, String description) {
        pullRequests.updateDescription(repo.repository(), pullRequestId, description);
    }

    @Override
    public PullRequestCompletion completePullRequest(RepositoryCoordinates repo, long pullRequestId,
            CompletePullRequestRequest request) {
        return merges.complete(repo.repository(), pullRequestId, request);
    }

    @Override
    public PullRequestAbandonment abandonPullRequest(RepositoryCoordinates repo, long pullRequestId) {
        return merges.abandon(repo.repository(), pullRequestId);
    }

    @Override
    public void deleteBranch(RepositoryCoordinates repo, String name, String expectedCommit) {
        merges.deleteBranch(repo.repository(), name, expectedCommit);
    }

    private PersonIdent author(Author author) {
        if (author == null) {
            return new PersonIdent(adapter.committerName(), adapter.committerEmail());
        }
        String name = firstNonBlank(author.displayName(), author.uniqueName(), adapter.committerName());
        String email = author.uniqueName() != null && author.uniqueName().contains("@") ? author.uniqueName()
                : adapter.committerEmail();
        return new PersonIdent(name, email);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static boolean isBlob(FileMode mode) {
        return mode.getObjectType() == Constants.OBJ_BLOB;
    }

    private static ObjectId requireHead(Repository repository, String ref) {
        String head = LocalPullRequests.head(repository, ref);
        if (head == null) {
            throw GitProblems.notFound("Branch " + ref + " of the pull request no longer exists");
        }
        return ObjectId.fromString(head);
    }

    private static RevCommit parseCommit(RevWalk walk, String commit, RepositoryCoordinates repo) throws IOException {
        try {
            return walk.parseCommit(ObjectId.fromString(commit));
        } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw GitProblems.notFound("Commit " + commit + " does not exist in local repository '"
                    + repo.repository() + "'");
        }
    }
}
