package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.MergeStrategy;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.platform.web.ApiProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Closing pull requests on Azure DevOps (Pull Requests - Update) and deleting branches (Refs - Update Refs).
 * Completion is asynchronous on Azure DevOps: the update is accepted and the merge happens afterwards, so the pull
 * request is read again, a bounded number of times, until it is completed or says why it is not. Every call
 * starts by reading the pull request, which makes a repeated call (after a lost answer) report what the first
 * one did instead of merging twice.
 */
class AzureDevOpsCompletions {

    static final String COMPLETED = "completed";
    static final String ABANDONED = "abandoned";
    private static final long MAX_ANSWER = 1024 * 1024;

    private final AzureDevOpsClient client;
    private final AzureDevOpsRefs refs;

    AzureDevOpsCompletions(AzureDevOpsClient client, AzureDevOpsRefs refs) {
        this.client = client;
        this.refs = refs;
    }

    PullRequestCompletion complete(RepositoryCoordinates repo, long pullRequestId, CompletePullRequestRequest request) {
        JsonNode pr = read(repo, pullRequestId);
        String status = text(pr, "status");
        if (COMPLETED.equals(status)) {
            return new PullRequestCompletion(pullRequestId, mergeCommit(pr), false);
        }
        if (ABANDONED.equals(status)) {
            throw GitProblems.conflict("Pull request " + pullRequestId + " is abandoned and cannot be completed", null);
        }
        String source = text(pr.path("lastMergeSourceCommit"), "commitId");
        if (source != null && !source.equals(request.lastMergeSourceCommit())) {
            throw GitProblems.conflict("The source of pull request " + pullRequestId + " moved to " + source
                    + " past the reviewed commit " + request.lastMergeSourceCommit(), source);
        }
        if (pr.path("isDraft").asBoolean(false)) {
            // Publishing is idempotent (the same state again), so it may be retried like a read.
            client.json(repo, AzureDevOpsCall.write("PATCH", "/pullrequests/" + pullRequestId,
                    Map.of("isDraft", false), "publish draft pull request " + pullRequestId,
                    AzureDevOpsScopes.CODE_WRITE, true));
        }
        AzureDevOpsCall completion = AzureDevOpsCall.write("PATCH", "/pullrequests/" + pullRequestId,
                completionBody(request), "complete pull request " + pullRequestId, AzureDevOpsScopes.CODE_WRITE,
                false);
        AzureDevOpsResponse response;
        try {
            response = client.send(repo, completion, MAX_ANSWER);
        } catch (ApiProblemException unanswered) {
            if (!FindOrCreate.isLostAnswer(unanswered)) {
                throw unanswered;
            }
            // The update may have been applied: what the pull request says now decides.
            return awaitCompletion(repo, pullRequestId, unanswered);
        }
        if (!AzureDevOpsClient.isSuccess(response.status())) {
            ApiProblemException problem = client.problem(repo, completion, response);
            if (FindOrCreate.isLostAnswer(problem)) {
                return awaitCompletion(repo, pullRequestId, problem);
            }
            throw refusal(pullRequestId, problem, response.status(), client.errorMessage(response));
        }
        JsonNode answer = client.parse(completion, response);
        if (COMPLETED.equals(text(answer, "status")) && mergeCommit(answer) != null) {
            return new PullRequestCompletion(pullRequestId, mergeCommit(answer), true);
        }
        return awaitCompletion(repo, pullRequestId, null);
    }

    private static Map<String, Object> completionBody(CompletePullRequestRequest request) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mergeStrategy", strategy(request.mergeStrategy()));
        options.put("deleteSourceBranch", request.deleteSourceBranch());
        if (request.mergeCommitMessage() != null) {
            options.put("mergeCommitMessage", request.mergeCommitMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", COMPLETED);
        body.put("lastMergeSourceCommit", Map.of("commitId", request.lastMergeSourceCommit()));
        body.put("completionOptions", options);
        return body;
    }

    private static String strategy(MergeStrategy strategy) {
        return switch (strategy) {
            case SQUASH -> "squash";
            case NO_FAST_FORWARD -> "noFastForward";
            case REBASE -> "rebase";
        };
    }

    /**
     * Reads the pull request until it is completed or its merge status says why not. Still active after the last
     * look with a clean merge means a blocking policy holds the completion back; still merging, the caller may ask
     * again ({@code unavailable}), and that repeated call reports the completion once it happened.
     */
    private PullRequestCompletion awaitCompletion(RepositoryCoordinates repo, long pullRequestId,
            ApiProblemException lost) {
        JsonNode pr = null;
        for (int attempt = 1; attempt <= client.maxPolls(); attempt++) {
            pr = read(repo, pullRequestId);
            String status = text(pr, "status");
            if (COMPLETED.equals(status) && mergeCommit(pr) != null) {
                return new PullRequestCompletion(pullRequestId, mergeCommit(pr), true);
            }
            String mergeStatus = String.valueOf(text(pr, "mergeStatus"));
            String failure = text(pr, "mergeFailureMessage");
            switch (mergeStatus) {
                case "conflicts" -> throw GitProblems.mergeConflict("Pull request " + pullRequestId
                        + " cannot be merged: its changes conflict with " + text(pr, "targetRefName")
                        + suffix(failure));
                case "rejectedByPolicy" -> throw GitProblems.policyBlocked("A policy rejected completing pull request "
                        + pullRequestId + suffix(failure), policyName(failure));
                case "failure" -> throw GitProblems.unprocessable("Azure DevOps failed to merge pull request "
                        + pullRequestId + suffix(failure));
                default -> {
                    // queued, notSet or succeeded while the completion is still on its way
                }
            }
            if (attempt < client.maxPolls()) {
                client.waitBeforePoll(attempt);
            }
        }
        if (lost == null && pr != null && "succeeded".equals(text(pr, "mergeStatus"))
                && !COMPLETED.equals(text(pr, "status"))) {
            throw GitProblems.policyBlocked("Pull request " + pullRequestId + " merges cleanly but Azure DevOps did "
                    + "not complete it: a blocking policy (required reviewers, build validation…) is not satisfied",
                    null);
        }
        throw GitProblems.unavailable("Azure DevOps has not finished completing pull request " + pullRequestId
                + " yet; ask again", null, lost);
    }

    /** A refused completion: conflicts and policies get their own problem types so the caller can say which. */
    private static ApiProblemException refusal(long pullRequestId, ApiProblemException problem, int status,
            String message) {
        String detail = message == null ? "" : message;
        String lower = detail.toLowerCase(Locale.ROOT);
        if (status == 409 || status == 400 || status == 422) {
            if (lower.contains("tf401192") || lower.contains("merge conflict") || lower.contains("conflicts")) {
                return GitProblems.mergeConflict("Pull request " + pullRequestId + " cannot be merged: " + detail);
            }
            if (lower.contains("tf401027") || lower.contains("polic")) {
                return GitProblems.policyBlocked("A policy blocks completing pull request " + pullRequestId + ": "
                        + detail, policyName(detail));
            }
        }
        return problem;
    }

    /** The quoted policy name of an Azure DevOps policy message ("… policy 'Minimum number of reviewers' …"). */
    static String policyName(String message) {
        if (message == null) {
            return null;
        }
        int start = message.indexOf('\'');
        int end = start < 0 ? -1 : message.indexOf('\'', start + 1);
        return end > start + 1 ? message.substring(start + 1, end) : null;
    }

    PullRequestAbandonment abandon(RepositoryCoordinates repo, long pullRequestId) {
        String status = text(read(repo, pullRequestId), "status");
        if (ABANDONED.equals(status) || COMPLETED.equals(status)) {
            return new PullRequestAbandonment(pullRequestId, false, status);
        }
        // The same state again is harmless, so the update may be retried after a lost answer.
        JsonNode answer = client.json(repo, AzureDevOpsCall.write("PATCH", "/pullrequests/" + pullRequestId,
                Map.of("status", ABANDONED), "abandon pull request " + pullRequestId, AzureDevOpsScopes.CODE_WRITE,
                true));
        String now = text(answer, "status");
        return new PullRequestAbandonment(pullRequestId, true, now == null ? ABANDONED : now);
    }

    void deleteBranch(RepositoryCoordinates repo, String name, String expectedCommit) {
        String shortName = BranchNames.shortName(name);
        String commit = CommitIds.requireFull(expectedCommit, "commit");
        String fullRef = BranchNames.HEADS + shortName;
        String current = refs.head(repo, fullRef).orElse(null);
        if (current == null) {
            return;
        }
        if (!current.equals(commit)) {
            throw GitProblems.conflict("Branch " + shortName + " moved to " + current + " past " + commit
                    + "; it is left in place", current);
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", fullRef);
        update.put("oldObjectId", commit);
        update.put("newObjectId", CommitIds.ZERO);
        // Guarded by the old object id: repeated after a lost answer, it is refused rather than applied again.
        JsonNode answer = client.json(repo, AzureDevOpsCall.write("POST", "/refs", List.of(update),
                "delete the branch " + shortName, AzureDevOpsScopes.CODE_WRITE, true));
        if (answer.path("value").path(0).path("success").asBoolean(false)) {
            return;
        }
        String now = refs.head(repo, fullRef).orElse(null);
        if (now != null) {
            throw GitProblems.conflict("Azure DevOps refused to delete the branch " + shortName + " ("
                    + text(answer.path("value").path(0), "updateStatus") + ")", now);
        }
    }

    private JsonNode read(RepositoryCoordinates repo, long pullRequestId) {
        return client.json(repo, AzureDevOpsCall.get("/pullrequests/" + pullRequestId,
                "read pull request " + pullRequestId, AzureDevOpsScopes.CODE_WRITE));
    }

    private static String mergeCommit(JsonNode pr) {
        return text(pr.path("lastMergeCommit"), "commitId");
    }

    private static String suffix(String failure) {
        return failure == null || failure.isBlank() ? "" : " (" + failure + ")";
    }
}
