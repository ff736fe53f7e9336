package dev.codeagent.adapter.ado;

import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.git.StatusRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pull request statuses on Azure DevOps (Pull Request Statuses - Create). */
class AzureDevOpsStatuses {

    private final AzureDevOpsClient client;

    AzureDevOpsStatuses(AzureDevOpsClient client) {
        this.client = client;
    }

    void setStatus(RepositoryCoordinates repo, long pullRequestId, StatusRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", stateName(request));
        if (request.description() != null) {
            body.put("description", request.description());
        }
        body.put("context", Map.of("genre", request.genre(), "name", request.name()));
        if (request.targetUrl() != null) {
            body.put("targetUrl", request.targetUrl());
        }
        // The latest status per context wins on Azure DevOps, so posting the same state again is harmless.
        client.json(repo, AzureDevOpsCall.write("POST", "/pullRequests/" + pullRequestId + "/statuses", body,
                "set the status " + request.genre() + "/" + request.name() + " on pull request " + pullRequestId,
                AzureDevOpsScopes.CODE_STATUS, true));
    }

    private static String stateName(StatusRequest request) {
        return switch (request.state()) {
            case PENDING -> "pending";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case ERROR -> "error";
            case NOT_APPLICABLE -> "notApplicable";
        };
    }
}
