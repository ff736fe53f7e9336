package dev.codeagent.runner.sandbox;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.platform.http.ServiceHttpClients;
import dev.codeagent.platform.web.ApiProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches the tree at a commit from the adapter ({@code GET …/archive?commit=}) into a file: the runner never clones
 * with the git host's credentials, the adapter does the fetching. Any failure is a 502 problem for the caller, since
 * it says nothing about the variant and the orchestrator may try again.
 */
public class TreeFetcher {

    private static final String ARCHIVE = "/api/v1/repositories/{provider}/{organization}/{project}/{repository}"
            + "/archive";
    private static final int BUFFER = 64 * 1024;

    private final RestClient http;
    private final long maxBytes;

    public TreeFetcher(ServiceHttpClients clients, String adapterUrl, Duration timeout, long maxBytes) {
        this.http = clients.forService(adapterUrl, timeout);
        this.maxBytes = maxBytes;
    }

    /** Writes the zip of {@code commit} to {@code target}. */
    public void fetch(RepositoryRef repo, String commit, Path target) {
        try {
            http.get().uri(u -> u.path(ARCHIVE).queryParam("commit", commit).build(repo.provider(),
                            repo.organization(), repo.project(), repo.repository()))
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw badGateway("The adapter answered " + response.getStatusCode().value()
                                    + " to the archive of " + commit + " in " + repo.slug() + ": "
                                    + new String(response.getBody().readNBytes(2000), StandardCharsets.UTF_8));
                        }
                        copy(response.getBody(), target);
                        return null;
                    });
        } catch (RestClientException e) {
            throw badGateway("The archive of " + commit + " in " + repo.slug() + " could not be fetched from the"
                    + " adapter: " + e.getMessage());
        }
    }

    private void copy(InputStream in, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[BUFFER];
            long copied = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > maxBytes) {
                    throw badGateway("The archive exceeds " + maxBytes + " bytes (CODEAGENT_RUNNER_MAX_TREE_SIZE)");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    static ApiProblemException badGateway(String detail) {
        return new ApiProblemException(HttpStatus.BAD_GATEWAY, ProblemTypes.UNAVAILABLE, "Tree not available",
                detail);
    }
}
