package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.inParentheses;
import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.FileChangeContent;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.RepositoryPaths;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.platform.web.ApiProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Commits as Azure DevOps pushes (Pushes - Create), each guarded by the head the caller expects. */
class AzureDevOpsPushes {

    private static final long MAX_ANSWER = 1024 * 1024;

    private final AzureDevOpsClient client;
    private final AzureDevOpsRefs refs;

    AzureDevOpsPushes(AzureDevOpsClient client, AzureDevOpsRefs refs) {
        this.client = client;
        this.refs = refs;
    }

    CommitResult commit(RepositoryCoordinates repo, CommitRequest request) {
        String shortName = BranchNames.shortName(request.branch());
        String expected = CommitIds.requireFull(request.expectedHead(), "expectedHead");
        String fullRef = BranchNames.HEADS + shortName;
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FileChange change : request.changes()) {
            changes.add(pushChange(change));
        }
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("comment", request.message());
        if (request.author() != null && request.author().uniqueName() != null
                && request.author().uniqueName().contains("@")) {
            String name = request.author().displayName() != null ? request.author().displayName()
                    : request.author().uniqueName();
            commit.put("author", Map.of("name", name, "email", request.author().uniqueName()));
        }
        commit.put("changes", changes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("refUpdates", List.of(Map.of("name", fullRef, "oldObjectId", expected)));
        body.put("commits", List.of(commit));
        // Guarded by oldObjectId: a repeat after a lost answer is refused as stale, never applied twice.
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/pushes", body, "push a commit to " + shortName,
                AzureDevOpsScopes.CODE_WRITE, true);
        AzureDevOpsResponse response;
        try {
            response = client.send(repo, call, MAX_ANSWER);
        } catch (ApiProblemException unanswered) {
            return afterFailure(repo, shortName, expected, request.message(), unanswered);
        }
        if (!AzureDevOpsClient.isSuccess(response.status())) {
            return afterFailure(repo, shortName, expected, request.message(), client.problem(repo, call, response));
        }
        JsonNode push = client.parse(call, response);
        String commitId = text(push.path("commits").path(0), "commitId");
        if (commitId == null) {
            commitId = text(push.path("refUpdates").path(0), "newObjectId");
        }
        if (commitId == null) {
            throw GitProblems.unavailable("Azure DevOps accepted the push to " + shortName
                    + " but did not report the new commit", null, null);
        }
        return new CommitResult(shortName, commitId, expected);
    }

    /**
     * A push that was refused or got no answer. When the branch has moved on to this very push (a commit on
     * the expected head with this message: the first attempt landed and its answer was lost), that commit is
     * the answer. Otherwise the failure stands, explained by where the branch is now.
     */
    private CommitResult afterFailure(RepositoryCoordinates repo, String shortName, String expected, String message,
            ApiProblemException problem) {
        int status = problem.status().value();
        if (status != 409 && status != 404 && !FindOrCreate.isLostAnswer(problem)) {
            throw problem;
        }
        String current = refs.head(repo, BranchNames.HEADS + shortName).orElse(null);
        if (current != null && !current.equals(expected) && isThisPush(repo, current, expected, message)) {
            return new CommitResult(shortName, current, expected);
        }
        if (status == 409) {
            throw GitProblems.conflict("Branch " + shortName + " moved: expected head " + expected
                    + ", head is " + current + inParentheses(problem.getMessage()), current);
        }
        if (status == 404 && current == null) {
            throw GitProblems.notFound("Branch " + shortName + " does not exist in " + repo.slug());
        }
        throw problem;
    }

    /** Commits - Get: whether {@code commitId} has {@code expected} as its only parent and {@code message}. */
    private boolean isThisPush(RepositoryCoordinates repo, String commitId, String expected, String message) {
        JsonNode commit = client.json(repo, AzureDevOpsCall.get("/commits/" + commitId, "read the commit "
                + commitId, AzureDevOpsScopes.CODE_WRITE));
        JsonNode parents = commit.path("parents");
        return parents.size() == 1 && expected.equals(parents.path(0).asString())
                && normalized(message).equals(normalized(text(commit, "comment")));
    }

    /** Git may store a message with other line ends and without trailing blank space. */
    private static String normalized(String message) {
        return message == null ? "" : message.replace("\r\n", "\n").strip();
    }

    private static Map<String, Object> pushChange(FileChange change) {
        String path = "/" + RepositoryPaths.requireSafe(change.path());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("path", path);
        Map<String, Object> result = new LinkedHashMap<>();
        switch (change.changeType()) {
            case ADD, EDIT -> {
                result.put("changeType", change.changeType() == ChangeType.ADD ? "add" : "edit");
                result.put("item", item);
                result.put("newContent", newContent(change));
            }
            case DELETE -> {
                result.put("changeType", "delete");
                result.put("item", item);
            }
            case RENAME -> {
                if (change.originalPath() == null) {
                    throw GitProblems.invalid("Rename of '" + change.path() + "' needs originalPath");
                }
                result.put("changeType", change.content() == null ? "rename" : "edit, rename");
                result.put("sourceServerItem", "/" + RepositoryPaths.requireSafe(change.originalPath()));
                result.put("item", item);
                if (change.content() != null) {
                    result.put("newContent", newContent(change));
                }
            }
            default -> throw GitProblems.invalid("Unsupported change type " + change.changeType());
        }
        return result;
    }

    private static Map<String, Object> newContent(FileChange change) {
        String encoding = FileChangeContent.encoding(change);
        // Decoded only to refuse broken content here (400) instead of sending it.
        FileChangeContent.bytes(change);
        return Map.of("content", change.content(),
                "contentType", FileContent.BASE64.equals(encoding) ? "base64encoded" : "rawtext");
    }
}
