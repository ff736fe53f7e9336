package dev.codeagent.orchestrator.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.patch.ModelCall;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.config.ServiceEndpoints;
import dev.codeagent.platform.http.ServiceHttpClients;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The llm-patch REST API. Patch generation gets the long model timeout; context selection does not call
 * a model and gets the ordinary one.
 */
@Component
public class LlmPatchClient {

    private final RestClient quick;
    private final RestClient slow;
    private final JsonMapper json;

    public LlmPatchClient(ServiceHttpClients clients, ServiceEndpoints endpoints, JsonMapper json) {
        this.quick = clients.forService(endpoints.llmPatchUrl(), endpoints.adapterTimeout());
        this.slow = clients.forService(endpoints.llmPatchUrl(), endpoints.modelTimeout());
        this.json = json;
    }

    public ContextSelection selectContext(ContextSelectionRequest request) {
        return call("context selection", () -> quick.post().uri("/api/context/select")
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(ContextSelection.class));
    }

    /** The change for one variant; a failure after model calls is a {@link PatchFailure} listing them. */
    public PatchResponse patch(PatchRequest request) {
        try {
            return slow.post().uri("/api/patches").contentType(MediaType.APPLICATION_JSON).body(request).retrieve()
                    .body(PatchResponse.class);
        } catch (RestClientResponseException e) {
            CallFailure failure = CallFailures.from("llm-patch", "patch generation", e, json);
            SpentCalls spent = spentCalls(e.getResponseBodyAsString());
            throw spent.calls().isEmpty() && spent.unseenFiles().isEmpty() ? failure
                    : new PatchFailure(failure, spent.calls(), spent.unseenFiles());
        } catch (RestClientException e) {
            throw CallFailures.from("llm-patch", "patch generation", e, json);
        }
    }

    /** The {@code calls} and {@code unseenFiles} of a problem answer; none when the body is not such a problem. */
    private SpentCalls spentCalls(String body) {
        SpentCalls none = new SpentCalls(List.of(), List.of());
        if (body == null || !body.strip().startsWith("{")) {
            return none;
        }
        try {
            SpentCalls problem = json.readValue(body, SpentCalls.class);
            return new SpentCalls(problem.calls() == null ? List.of() : problem.calls(),
                    problem.unseenFiles() == null ? List.of() : problem.unseenFiles());
        } catch (RuntimeException e) {
            return none;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record SpentCalls(List<ModelCall> calls, List<String> unseenFiles) {
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientException e) {
            throw CallFailures.from("llm-patch", operation, e, json);
        }
    }
}
