package dev.codeagent.adapter.local;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestCompletion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Completing and abandoning local pull requests, with the semantics of Azure DevOps: a real three-way merge
 * (JGit's in-core merger, no working tree) onto the target's current head, the result written as one squash commit,
 * a merge commit or the rebased commits; a conflict changes nothing. Runs under the repository lock, so the target
 * cannot move between the merge and the ref update.
 */
class LocalMerges {

    private final LocalRepositories repositories;
    private final LocalPullRequests pullRequests;
    private final PersonIdent committer;

    LocalMerges(LocalRepositories repositories, LocalPullRequests pullRequests, PersonIdent committer) {
        this.repositories = repositories;
        this.pullRequests = pullRequests;
        this.committer = committer;
    }

    PullRequestCompletion complete(String repo, long pullRequestId, CompletePullRequestRequest request) {
        pullRequests.require(repo, pullRequestId);
        return repositories.withLock(repo, () -> {
            LocalPullRequest pr = pullRequests.require(repo, pullRequestId);
            if (LocalPullRequest.COMPLETED.equals(pr.status())) {
                return new PullRequestCompletion(pullRequestId, pr.mergeCommit(), false);
            }
            if (!LocalPullRequest.ACTIVE.equals(pr.status())) {
                throw GitProblems.conflict("Pull request " + pullRequestId + " is " + pr.status()
                        + " and cannot be completed", null);
            }
            try (Repository repository = repositories.open(repo); RevWalk walk = new RevWalk(repository);
                    ObjectInserter inserter = repository.newObjectInserter()) {
                String sourceHead = LocalPullRequests.head(repository, pr.sourceRef());
                String targetHead = LocalPullRequests.head(repository, pr.targetRef());
                if (sourceHead == null || targetHead == null) {
                    throw GitProblems.notFound("A branch of pull request " + pullRequestId + " no longer exists");
                }
                if (!sourceHead.equals(request.lastMergeSourceCommit())) {
                    throw GitProblems.conflict("The source of pull request " + pullRequestId + " moved to "
                            + sourceHead + " past the reviewed commit " + request.lastMergeSourceCommit(), sourceHead);
                }
                RevCommit source = walk.parseCommit(ObjectId.fromString(sourceHead));
                RevCommit target = walk.parseCommit(ObjectId.fromString(targetHead));
                String message = request.mergeCommitMessage() == null || request.mergeCommitMessage().isBlank()
                        ? "Merged PR " + pullRequestId + ": " + pr.title() : request.mergeCommitMessage();
                ObjectId merged = switch (request.mergeStrategy()) {
                    case SQUASH -> commit(inserter, merge(repository, inserter, target, source, null, pullRequestId),
                            message, target);
                    case NO_FAST_FORWARD -> commit(inserter,
                            merge(repository, inserter, target, source, null, pullRequestId), message, target, source);
                    case REBASE -> rebase(repository, walk, inserter, target, source, pullRequestId);
                };
                inserter.flush();
                moveRef(repository, walk, pr.targetRef(), target, merged);
                if (request.deleteSourceBranch()) {
                    delete(repository, walk, pr.sourceRef(), sourceHead);
                }
                pullRequests.close(repo, pullRequestId, LocalPullRequest.COMPLETED, merged.name());
                return new PullRequestCompletion(pullRequestId, merged.name(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    PullRequestAbandonment abandon(String repo, long pullRequestId) {
        pullRequests.require(repo, pullRequestId);
        return repositories.withLock(repo, () -> {
            LocalPullRequest pr = pullRequests.require(repo, pullRequestId);
            if (!LocalPullRequest.ACTIVE.equals(pr.status())) {
                return new PullRequestAbandonment(pullRequestId, false, pr.status());
            }
            pullRequests.close(repo, pullRequestId, LocalPullRequest.ABANDONED, null);
            return new PullRequestAbandonment(pullRequestId, true, LocalPullRequest.ABANDONED);
        });
    }

    void deleteBranch(String repo, String name, String expectedCommit) {
        String ref = BranchNames.HEADS + BranchNames.shortName(name);
        String commit = CommitIds.requireFull(expectedCommit, "commit");
        repositories.withLock(repo, () -> {
            try (Repository repository = repositories.open(repo); RevWalk walk = new RevWalk(repository)) {
                delete(repository, walk, ref, commit);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The tree of {@code theirs} merged onto {@code ours}; {@code base} null means their merge base. */
    private static ObjectId merge(Repository repository, ObjectInserter inserter, RevCommit ours, RevCommit theirs,
            RevCommit base, long pullRequestId) throws IOException {
        ResolveMerger merger = (ResolveMerger) org.eclipse.jgit.merge.MergeStrategy.RECURSIVE
                .newMerger(inserter, repository.getConfig());
        if (base != null) {
            merger.setBase(base);
        }
        if (!merger.merge(ours, theirs)) {
            List<String> paths = new ArrayList<>(merger.getUnmergedPaths());
            if (merger.getFailingPaths() != null) {
                paths.addAll(merger.getFailingPaths().keySet());
            }
            throw GitProblems.mergeConflict("Pull request " + pullRequestId + " cannot be merged: "
                    + (paths.isEmpty() ? "its changes conflict with the target" : "conflicts in "
                    + String.join(", ", paths.subList(0, Math.min(paths.size(), 10)))));
        }
        return merger.getResultTreeId();
    }

    private ObjectId commit(ObjectInserter inserter, ObjectId tree, String message, ObjectId... parents)
            throws IOException {
        return commit(inserter, tree, message, committer, parents);
    }

    private ObjectId commit(ObjectInserter inserter, ObjectId tree, String message, PersonIdent author,
            ObjectId... parents) throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentIds(parents);
        commit.setAuthor(author);
        commit.setCommitter(committer);
        commit.setMessage(message);
        return inserter.insert(commit);
    }

    /** The source's own commits replayed one by one onto the target (a cherry-pick each), authors kept. */
    private ObjectId rebase(Repository repository, RevWalk walk, ObjectInserter inserter, RevCommit target,
            RevCommit source, long pullRequestId) throws IOException {
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(target);
        walk.markStart(source);
        RevCommit base = walk.next();
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        walk.sort(RevSort.TOPO);
        walk.markStart(walk.parseCommit(source));
        if (base != null) {
            walk.markUninteresting(walk.parseCommit(base));
        }
        List<RevCommit> commits = new ArrayList<>();
        for (RevCommit c = walk.next(); c != null; c = walk.next()) {
            commits.add(c);
        }
        Collections.reverse(commits);
        RevCommit head = target;
        for (RevCommit c : commits) {
            RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
            ObjectId tree = merge(repository, inserter, head, c, parent, pullRequestId);
            inserter.flush();
            head = walk.parseCommit(commit(inserter, tree, c.getFullMessage(), c.getAuthorIdent(), head));
        }
        return head;
    }

    private static void moveRef(Repository repository, RevWalk walk, String ref, ObjectId from, ObjectId to)
            throws IOException {
        RefUpdate update = repository.updateRef(ref);
        update.setExpectedOldObjectId(from);
        update.setNewObjectId(to);
        update.setRefLogMessage("codeagent: complete pull request", false);
        RefUpdate.Result result = update.update(walk);
        if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.NO_CHANGE) {
            throw GitProblems.conflict("Branch " + ref + " could not be updated (" + result + ")",
                    LocalPullRequests.head(repository, ref));
        }
    }

    private static void delete(Repository repository, RevWalk walk, String ref, String expected) throws IOException {
        String current = LocalPullRequests.head(repository, ref);
        if (current == null) {
            return;
        }
        if (!current.equals(expected)) {
            throw GitProblems.conflict("Branch " + ref + " moved to " + current + " past " + expected
                    + "; it is left in place", current);
        }
        RefUpdate update = repository.updateRef(ref);
        update.setExpectedOldObjectId(ObjectId.fromString(expected));
        update.setForceUpdate(true);
        update.setRefLogMessage("codeagent: delete branch", false);
        RefUpdate.Result result = update.delete(walk);
        if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.FAST_FORWARD
                && result != RefUpdate.Result.NO_CHANGE) {
            throw GitProblems.conflict("Branch " + ref + " could not be deleted (" + result + ")",
                    LocalPullRequests.head(repository, ref));
        }
    }
}
