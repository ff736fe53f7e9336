package dev.codeagent.orchestrator.client;

import dev.codeagent.contracts.check.CheckRunRequest;
import dev.codeagent.contracts.check.CheckRunResult;
import dev.codeagent.orchestrator.config.ServiceEndpoints;
import dev.codeagent.platform.http.ServiceHttpClients;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner's REST API ({@code dev.codeagent.contracts.check}). A run answers only when its checks have ended, so
 * it gets the long {@code CODEAGENT_RUNNER_CALL_TIMEOUT}; a cancellation answers at once and gets the ordinary one.
 * A busy runner's 503 + {@code Retry-After} is a transient {@link CallFailure} carrying the wait.
 */
@Component
public class RunnerClient {

    private final RestClient runs;
    private final RestClient quick;
    private final JsonMapper json;

    public RunnerClient(ServiceHttpClients clients, ServiceEndpoints endpoints, JsonMapper json) {
        boolean configured = endpoints.runnerUrl() != null && !endpoints.runnerUrl().isBlank();
        this.runs = configured ? clients.forService(endpoints.runnerUrl(), endpoints.runnerTimeout()) : null;
        this.quick = configured ? clients.forService(endpoints.runnerUrl(), endpoints.adapterTimeout()) : null;
        this.json = json;
    }

    /**
     * False when {@code CODEAGENT_RUNNER_URL} is empty: a deployment without a runner (no container engine) leaves
     * its variants unchecked rather than waiting for a service that is not there.
     */
    public boolean configured() {
        return runs != null;
    }

    /** Runs the checks of one commit; the same {@code runId} again repeats the run (it changes nothing outside). */
    public CheckRunResult run(CheckRunRequest request) {
        if (!configured()) {
            throw new IllegalStateException("no runner is configured (CODEAGENT_RUNNER_URL is empty)");
        }
        try {
            return runs.post().uri("/api/checks/runs").contentType(MediaType.APPLICATION_JSON).body(request)
                    .retrieve().body(CheckRunResult.class);
        } catch (RestClientException e) {
            throw CallFailures.from("runner", "check run", e, json);
        }
    }

    /** Cancels a run; a run that is not running (anymore, or on this replica of the runner) is a 404 failure. */
    public void cancel(String runId) {
        if (!configured()) {
            return;
        }
        try {
            quick.delete().uri("/api/checks/runs/{runId}", runId).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            throw CallFailures.from("runner", "check cancellation", e, json);
        }
    }
}
