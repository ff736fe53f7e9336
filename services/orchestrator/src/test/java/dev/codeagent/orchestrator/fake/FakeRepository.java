package dev.codeagent.orchestrator.fake;

import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.StatusRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the fake git host remembers about one repository. */
public final class FakeRepository {

    public static final long PR_ID = 7;
    /** The group whose members may trigger the agent on every fake repository. */
    public static final String ALLOWED_GROUP = "[Shop]\\Contributors";

    public final String name;
    public final Map<String, String> branches = new ConcurrentHashMap<>();
    public final Map<String, Integer> branchCreations = new ConcurrentHashMap<>();
    public final Map<String, List<CommitRequest>> commits = new ConcurrentHashMap<>();
    /** The files each commit of the fake wrote or inherited, by path (null: deleted); others read as the base. */
    final Map<String, Map<String, String>> files = new ConcurrentHashMap<>();
    public final List<FakePullRequest> pullRequests = new CopyOnWriteArrayList<>();
    public final Map<Long, String> comments = new ConcurrentHashMap<>();
    public final Map<String, Long> commentsByKey = new ConcurrentHashMap<>();
    public final List<StatusRequest> statuses = new CopyOnWriteArrayList<>();
    /** Statuses by the pull request they were set on (the command's PR and the variants' draft PRs). */
    public final Map<Long, List<StatusRequest>> statusesByPullRequest = new ConcurrentHashMap<>();
    /** Contents of the threads opened on each pull request (the command's thread is not among them). */
    public final Map<Long, List<String>> threads = new ConcurrentHashMap<>();
    /** Descriptions written over the one a pull request was opened with, by pull request, in order. */
    public final Map<Long, List<String>> descriptionUpdates = new ConcurrentHashMap<>();
    /** Pull requests that are no longer active: completed or abandoned, by id. */
    public final Map<Long, String> pullRequestStatus = new ConcurrentHashMap<>();
    /** The merge commit of each completed pull request, and the completions asked for (each call). */
    public final Map<Long, String> mergeCommits = new ConcurrentHashMap<>();
    public final List<CompletePullRequestRequest> completions = new CopyOnWriteArrayList<>();
    /** Pull requests whose completion conflicts; and those a policy (named by the value) blocks. */
    public final Set<Long> conflicting = ConcurrentHashMap.newKeySet();
    public final Map<Long, String> blockedByPolicy = new ConcurrentHashMap<>();
    /** Unique names of the authors who may not trigger the agent here; everyone else may. */
    final Set<String> deniedAuthors = ConcurrentHashMap.newKeySet();

    FakeRepository(String name) {
        this.name = name;
    }

    /** From now on, the author with this unique name is not a member of {@link #ALLOWED_GROUP}. */
    public void deny(String uniqueName) {
        deniedAuthors.add(uniqueName);
    }

    public List<String> agentBranches() {
        return branches.keySet().stream().filter(b -> b.startsWith("agents/")).sorted().toList();
    }

    public StatusRequest lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }
}
