package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.IdempotencyKeys;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Comment threads of an Azure DevOps pull request. A comment created with an idempotency key carries its
 * marker; a repeat finds the marked comment and returns it instead of posting it again, also after the
 * comment was edited, since an update keeps the marker.
 */
class AzureDevOpsThreads {

    private final AzureDevOpsClient client;
    private final FindOrCreate findOrCreate;

    AzureDevOpsThreads(AzureDevOpsClient client) {
        this.client = client;
        this.findOrCreate = new FindOrCreate(client);
    }

    CommentRef createThread(RepositoryCoordinates repo, long pullRequestId, CommentRequest request,
            String idempotencyKey) {
        String marker = IdempotencyKeys.marker(idempotencyKey);
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("parentCommentId", 0);
        comment.put("content", IdempotencyKeys.withMarker(request.content(), marker));
        comment.put("commentType", 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comments", List.of(comment));
        body.put("status", 1);
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/pullRequests/" + pullRequestId + "/threads", body,
                "open a comment thread on pull request " + pullRequestId, AzureDevOpsScopes.THREADS_FULL, false);
        return findOrCreate.run(repo, () -> findMarkedComment(repo, pullRequestId, null, marker), call,
                thread -> Optional.of(new CommentRef(thread.path("id").asLong(),
                        thread.path("comments").path(0).path("id").asLong(1))),
                refusal -> refusal);
    }

    CommentRef reply(RepositoryCoordinates repo, long pullRequestId, long threadId, CommentRequest request,
            String idempotencyKey) {
        String marker = IdempotencyKeys.marker(idempotencyKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", IdempotencyKeys.withMarker(request.content(), marker));
        body.put("parentCommentId", request.parentCommentId() == null || request.parentCommentId() <= 0 ? 1
                : request.parentCommentId());
        body.put("commentType", 1);
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/pullRequests/" + pullRequestId + "/threads/"
                + threadId + "/comments", body, "reply in thread " + threadId + " of pull request " + pullRequestId,
                AzureDevOpsScopes.THREADS_FULL, false);
        return findOrCreate.run(repo, () -> findMarkedComment(repo, pullRequestId, threadId, marker), call,
                comment -> Optional.of(new CommentRef(threadId, comment.path("id").asLong())),
                refusal -> refusal);
    }

    /**
     * Rewrites a comment. Callers send the new text without the idempotency marker the comment was created
     * with, so the marker is read from the comment and kept; otherwise a create repeated after the edit (its
     * answer lost before the edit) would not find the comment and post it a second time.
     */
    CommentRef updateComment(RepositoryCoordinates repo, long pullRequestId, long threadId, long commentId,
            CommentRequest request) {
        String path = "/pullRequests/" + pullRequestId + "/threads/" + threadId + "/comments/" + commentId;
        String where = "comment " + commentId + " in thread " + threadId + " of pull request " + pullRequestId;
        JsonNode current = client.json(repo, AzureDevOpsCall.get(path, "read " + where,
                AzureDevOpsScopes.THREADS_FULL));
        String content = IdempotencyKeys.keptIn(request.content(), text(current, "content"));
        // Setting the same content twice gives the same result: safe to retry.
        client.json(repo, AzureDevOpsCall.write("PATCH", path, Map.of("content", content), "update " + where,
                AzureDevOpsScopes.THREADS_FULL, true));
        return new CommentRef(threadId, commentId);
    }

    /**
     * The live comment carrying {@code marker} in the pull request's threads, or in one thread when
     * {@code threadId} is given; always empty without a marker (no key, nothing to look for).
     */
    private Optional<CommentRef> findMarkedComment(RepositoryCoordinates repo, long pullRequestId, Long threadId,
            String marker) {
        if (marker == null) {
            return Optional.empty();
        }
        String path = "/pullRequests/" + pullRequestId + "/threads" + (threadId == null ? "" : "/" + threadId);
        JsonNode answer = client.json(repo, AzureDevOpsCall.get(path, "read the threads of pull request "
                + pullRequestId, AzureDevOpsScopes.THREADS_FULL));
        List<JsonNode> threads = new ArrayList<>();
        if (threadId == null) {
            answer.path("value").forEach(threads::add);
        } else {
            threads.add(answer);
        }
        for (JsonNode thread : threads) {
            for (JsonNode comment : thread.path("comments")) {
                String content = text(comment, "content");
                if (content != null && content.contains(marker) && !comment.path("isDeleted").asBoolean(false)) {
                    return Optional.of(new CommentRef(thread.path("id").asLong(), comment.path("id").asLong()));
                }
            }
        }
        return Optional.empty();
    }
}
