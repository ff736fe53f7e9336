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
 *
 * <p>A lost answer itself (no answer, a timeout, or a 5xx from Azure DevOps or a gateway in front of it) does
 * not say whether the create was applied, so it is looked for again as well: found, it is the answer; not
 * found (not applied, or not visible yet), the caller gets the {@code unavailable} problem and repeats the
 * request, whose find then sees it.
 */
final class FindOrCreate {

    private static final long MAX_ANSWER = 1024 * 1024;

    private final AzureDevOpsClient client;

    FindOrCreate(AzureDevOpsClient client) {
        this.client = client;
    }

    /**
     * @param find     what is there now, if anything: asked before the create and again after a refusal or a lost
     *                 answer
     * @param create   the call that creates it
     * @param created  what a successful answer made; empty when the answer reports that it was refused
     * @param missing  the error when the create was refused yet nothing is found, given the refusal (null
     *                 when it came in a successful answer)
     */
    <T> T run(RepositoryCoordinates repo, Supplier<Optional<T>> find, AzureDevOpsCall create,
            Function<JsonNode, Optional<T>> created, Function<ApiProblemException, ApiProblemException> missing) {
        return run(repo, find, create, () -> client.send(repo, create, MAX_ANSWER), created, missing);
    }

    /**
     * As {@link #run(RepositoryCoordinates, Supplier, AzureDevOpsCall, Function, Function)}, for a create sent to
     * {@code target}, an API of the project rather than of the repository.
     */
    <T> T run(RepositoryCoordinates repo, java.net.URI target, Supplier<Optional<T>> find, AzureDevOpsCall create,
            Function<JsonNode, Optional<T>> created, Function<ApiProblemException, ApiProblemException> missing) {
        return run(repo, find, create, () -> client.send(target, create, MAX_ANSWER), created, missing);
    }

    private <T> T run(RepositoryCoordinates repo, Supplier<Optional<T>> find, AzureDevOpsCall create,
            Supplier<AzureDevOpsResponse> send, Function<JsonNode, Optional<T>> created,
            Function<ApiProblemException, ApiProblemException> missing) {
        Optional<T> existing = find.get();
        if (existing.isPresent()) {
            return existing.get();
        }
        AzureDevOpsResponse response;
        try {
            response = send.get();
        } catch (ApiProblemException unanswered) {
            if (!isLostAnswer(unanswered)) {
                throw unanswered;
            }
            return find.get().orElseThrow(() -> unanswered);
        }
        ApiProblemException refusal = null;
        if (AzureDevOpsClient.isSuccess(response.status())) {
            Optional<T> made = created.apply(client.parse(create, response));
            if (made.isPresent()) {
                return made.get();
            }
        } else {
            ApiProblemException problem = client.problem(repo, create, response);
            if (isLostAnswer(problem)) {
                return find.get().orElseThrow(() -> problem);
            }
            if (problem.status().value() != 409) {
                throw problem;
            }
            refusal = problem;
        }
        ApiProblemException refused = refusal;
        return find.get().orElseThrow(() -> missing.apply(refused));
    }

    /** No answer, a timeout or a 5xx all come as {@code unavailable}: the create may have been applied. */
    static boolean isLostAnswer(ApiProblemException problem) {
        return problem.status().value() == 503;
    }
}
