package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.inParentheses;
import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.ExistingBranch;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.CreateBranchRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Branches as Azure DevOps refs: Refs - List to find one, Refs - Update Refs to create one. */
class AzureDevOpsRefs {

    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 200;
    private static final long MAX_PAGE_ANSWER = 16L * 1024 * 1024;

    private final AzureDevOpsClient client;
    private final FindOrCreate findOrCreate;

    AzureDevOpsRefs(AzureDevOpsClient client) {
        this.client = client;
        this.findOrCreate = new FindOrCreate(client);
    }

    Optional<BranchInfo> branch(RepositoryCoordinates repo, String name) {
        String shortName = BranchNames.shortName(name);
        return head(repo, BranchNames.HEADS + shortName).map(id -> new BranchInfo(shortName, id, false));
    }

    /**
     * The commit {@code fullRef} points at. Refs - List filters by prefix, so page through (continuation
     * token) until the exact name shows.
     */
    Optional<String> head(RepositoryCoordinates repo, String fullRef) {
        String continuation = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            AzureDevOpsCall call = AzureDevOpsCall.get("/refs", "look up " + fullRef, AzureDevOpsScopes.CODE_WRITE)
                    .withQuery("filter", fullRef.substring("refs/".length()))
                    .withQuery("$top", Integer.toString(PAGE));
            if (continuation != null) {
                call = call.withQuery("continuationToken", continuation);
            }
            AzureDevOpsResponse response = client.send(repo, call, MAX_PAGE_ANSWER);
            if (!AzureDevOpsClient.isSuccess(response.status())) {
                throw client.problem(repo, call, response);
            }
            for (JsonNode ref : client.parse(call, response).path("value")) {
                if (fullRef.equals(text(ref, "name"))) {
                    return Optional.ofNullable(text(ref, "objectId"));
                }
            }
            continuation = response.header("x-ms-continuationtoken");
            if (continuation == null || continuation.isBlank()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    BranchInfo createBranch(RepositoryCoordinates repo, CreateBranchRequest request) {
        String shortName = BranchNames.shortName(request.name());
        String commit = CommitIds.requireFull(request.commit(), "commit");
        String fullRef = BranchNames.HEADS + shortName;
        List<Map<String, Object>> body = List.of(refUpdate(fullRef, CommitIds.ZERO, commit));
        // Guarded by the all-zero old id: a repeated create is refused, never applied twice.
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", "/refs", body, "create the branch " + shortName,
                AzureDevOpsScopes.CODE_WRITE, true);
        // After a refusal, whoever created the branch decides whether this is fine.
        return findOrCreate.run(repo,
                () -> head(repo, fullRef).map(current -> ExistingBranch.reuse(shortName, commit, current)), call,
                answer -> created(answer.path("value").path(0), shortName, commit),
                refusal -> GitProblems.conflict("Azure DevOps refused to create the branch " + shortName
                        + " and it does not exist", null));
    }

    /** Refs - Update Refs answers 200 per ref; a lost race shows as a stale old object id. */
    private static Optional<BranchInfo> created(JsonNode result, String shortName, String commit) {
        if (result.path("success").asBoolean(false)) {
            return Optional.of(new BranchInfo(shortName, commit, true));
        }
        String updateStatus = text(result, "updateStatus");
        if (!"staleOldObjectId".equalsIgnoreCase(String.valueOf(updateStatus))) {
            throw GitProblems.unprocessable("Azure DevOps refused to create the branch " + shortName + ": "
                    + updateStatus + inParentheses(text(result, "customMessage")));
        }
        return Optional.empty();
    }

    private static Map<String, Object> refUpdate(String name, String oldId, String newId) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", name);
        update.put("oldObjectId", oldId);
        update.put("newObjectId", newId);
        return update;
    }
}
