package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.git.StatusRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Pull request statuses on Azure DevOps (Pull Request Statuses - List and Create).
 *
 * <p>Every create appends a status; the pull request shows the latest one per context (genre and name). So
 * setting a status is idempotent in this sense: when the latest status of the context already has the requested
 * state, description and target URL, nothing is posted. A repeat after a lost answer therefore adds no second
 * entry, and posting the same state again is never needed to make it show.
 */
class AzureDevOpsStatuses {

    private final AzureDevOpsClient client;
    private final FindOrCreate findOrCreate;

    AzureDevOpsStatuses(AzureDevOpsClient client) {
        this.client = client;
        this.findOrCreate = new FindOrCreate(client);
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
        String path = "/pullRequests/" + pullRequestId + "/statuses";
        // Not repeated blindly: a repeat appends; after a lost answer the latest status is looked at instead.
        AzureDevOpsCall call = AzureDevOpsCall.write("POST", path, body, "set the status " + request.genre() + "/"
                + request.name() + " on pull request " + pullRequestId, AzureDevOpsScopes.CODE_STATUS, false);
        findOrCreate.run(repo, () -> latestIfAlready(repo, pullRequestId, path, request), call, Optional::of,
                refusal -> refusal);
    }

    /** The context's latest status (the highest id) when it already is the requested one. */
    private Optional<JsonNode> latestIfAlready(RepositoryCoordinates repo, long pullRequestId, String path,
            StatusRequest request) {
        JsonNode statuses = client.json(repo, AzureDevOpsCall.get(path, "read the statuses of pull request "
                + pullRequestId, AzureDevOpsScopes.CODE_STATUS));
        JsonNode latest = null;
        for (JsonNode status : statuses.path("value")) {
            JsonNode context = status.path("context");
            if (Objects.equals(text(context, "genre"), request.genre())
                    && Objects.equals(text(context, "name"), request.name())
                    && (latest == null || status.path("id").asLong() > latest.path("id").asLong())) {
                latest = status;
            }
        }
        boolean same = latest != null && stateName(request).equalsIgnoreCase(String.valueOf(text(latest, "state")))
                && Objects.equals(text(latest, "description"), request.description())
                && Objects.equals(text(latest, "targetUrl"), request.targetUrl());
        return same ? Optional.of(latest) : Optional.empty();
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
