package dev.codeagent.adapter.ado;

import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.platform.web.ApiProblemException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * How the provider creates something on Azure DevOps without ever making it twice: find it first, create it
 * only when it is not there, and when Azure DevOps refuses the create because it is there by now, find it
 * again and reuse it. Such a refusal (a 409, or for refs a successful answer that reports a stale old object
 * id) follows a lost race, and also a repeated create whose first answer was lost on its way back.
 */
final class FindOrCreate {

    private static final long MAX_ANSWER = 1024 * 1024;

    private final AzureDevOpsClient client;

    FindOrCreate(AzureDevOpsClient client) {
        this.client = client;
    }

    /**
     * @param find     what is there now, if anything: asked before the create and again after a refusal
     * @param create   the call that creates it
     * @param created  what a successful answer made; empty when the answer reports that it was refused
     * @param missing  the error when the create was refused yet nothing is found, given the refusal (null
     *                 when it came in a successful answer)
     */
    <T> T run(RepositoryCoordinates repo, Supplier<Optional<T>> find, AzureDevOpsCall create,
            Function<JsonNode, Optional<T>> created, Function<ApiProblemException, ApiProblemException> missing) {
        Optional<T> existing = find.get();
        if (existing.isPresent()) {
            return existing.get();
        }
        AzureDevOpsResponse response = client.send(repo, create, MAX_ANSWER);
        ApiProblemException refusal = null;
        if (AzureDevOpsClient.isSuccess(response.status())) {
            Optional<T> made = created.apply(client.parse(create, response));
            if (made.isPresent()) {
                return made.get();
            }
        } else {
            refusal = client.problem(repo, create, response);
            if (refusal.status().value() != 409) {
                throw refusal;
            }
        }
        ApiProblemException refused = refusal;
        return find.get().orElseThrow(() -> missing.apply(refused));
    }
}
