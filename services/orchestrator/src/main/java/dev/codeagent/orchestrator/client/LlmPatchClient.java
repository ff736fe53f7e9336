package dev.codeagent.orchestrator.client;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.config.ServiceEndpoints;
import dev.codeagent.platform.http.ServiceHttpClients;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
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

    public PatchResponse patch(PatchRequest request) {
        return call("patch generation", () -> slow.post().uri("/api/patches")
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(PatchResponse.class));
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientException e) {
            throw CallFailures.from("llm-patch", operation, e, json);
        }
    }
}
