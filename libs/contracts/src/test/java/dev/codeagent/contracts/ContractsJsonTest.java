package dev.codeagent.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.CommandKind;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.TriggerPermission;
import dev.codeagent.contracts.git.TriggerPermissionRequest;
import dev.codeagent.contracts.job.Outcome;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.patch.ModelCall;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.contracts.patch.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ContractsJsonTest {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void startRequestRoundTripsWithWireNames() {
        RepositoryRef repo = new RepositoryRef("azure-devops", "contoso", "Web", "web-app", "3c8a");
        StartJobRequest request = new StartJobRequest(StartJobRequest.keyOf(repo, 57, 742, 1), repo, 57, 742, 1,
                null, new Author("id", "dev@contoso.com", "Dev"), CommandKind.EDIT, "Add validation", 3, null,
                "refs/heads/feature", "refs/heads/main", "abc", "delivery-1", Instant.parse("2026-01-01T00:00:00Z"));
        String text = json.writeValueAsString(request);
        assertThat(text).contains("\"kind\":\"edit\"").contains("\"variants\":3");
        assertThat(json.readValue(text, StartJobRequest.class)).isEqualTo(request);
        assertThat(request.idempotencyKey()).isEqualTo("azure-devops:contoso/Web/web-app/pr/57/thread/742/comment/1");
    }

    @Test
    void patchResponseCarriesNotesAndStillReadsAnswersWithout() {
        PatchResponse response = new PatchResponse(1, "minimal-change", "Minimal change variant: x", List.of(), "", 1, 0,
                "openai", "gpt-4.1", false, new TokenUsage(10, 5), 1,
                List.of("Not changed: Dockerfile (protected CI/build file)"));
        String text = json.writeValueAsString(response);
        assertThat(text).contains("\"notes\":[\"Not changed: Dockerfile");
        assertThat(json.readValue(text, PatchResponse.class)).isEqualTo(response);
        PatchResponse older = json.readValue(text.replaceAll(",\"notes\":\\[[^\\]]*]", ""), PatchResponse.class);
        assertThat(older.notes()).isEmpty();
        assertThat(older.summary()).isEqualTo(response.summary());
    }

    @Test
    void patchResponseCarriesItsCallsAndTheirUnknownCost() {
        PatchResponse response = new PatchResponse(1, "minimal-change", "s", List.of(), "", 1, 0, "openai", "gpt-4.1",
                false, new TokenUsage(30, 7), 2, List.of(), List.of(
                        new ModelCall("openai", "gpt-4.1", 10, 5, 120, new BigDecimal("0.00006")),
                        new ModelCall("anthropic", "claude-sonnet-4-5", 20, 2, 80, null)));
        String text = json.writeValueAsString(response);
        assertThat(text).contains("\"costUsd\":null").contains("\"latencyMs\":120");
        assertThat(json.readValue(text, PatchResponse.class)).isEqualTo(response);
        assertThat(json.readValue(text.replaceAll(",\"calls\":\\[.*]", ""), PatchResponse.class).calls()).isEmpty();
        ModelUsage total = ModelUsage.of(response.calls());
        assertThat(total).isEqualTo(new ModelUsage(2, 30, 7, null));
        assertThat(ModelUsage.of(response.calls().subList(0, 1)).plus(ModelUsage.NONE).costUsd())
                .isEqualByComparingTo("0.00006");
    }

    @Test
    void enumsUseDocumentedJsonValues() {
        assertThat(json.writeValueAsString(Outcome.PARTIAL_SUCCESS)).isEqualTo("\"partial_success\"");
        assertThat(json.writeValueAsString(Outcome.REJECTED)).isEqualTo("\"rejected\"");
        assertThat(json.readValue("\"rejected\"", Outcome.class)).isEqualTo(Outcome.REJECTED);
        assertThat(json.writeValueAsString(RuntimeStatus.Terminated)).isEqualTo("\"Terminated\"");
        assertThat(json.writeValueAsString(FileChange.delete("a.txt"))).contains("\"changeType\":\"delete\"");
        assertThat(json.readValue("\"rename\"", ChangeType.class)).isEqualTo(ChangeType.RENAME);
    }

    @Test
    void triggerPermissionRoundTripsWithWireNames() {
        TriggerPermissionRequest request = new TriggerPermissionRequest(new Author("6f1c", "dev@contoso.com", "Dev"));
        assertThat(json.writeValueAsString(request))
                .isEqualTo("{\"author\":{\"id\":\"6f1c\",\"uniqueName\":\"dev@contoso.com\",\"displayName\":\"Dev\"}}");

        TriggerPermission denied = json.readValue("{\"allowed\":false,\"reason\":\"not a member\","
                + "\"allowedGroups\":[\"[Web Shop]\\\\Contributors\"]}", TriggerPermission.class);
        assertThat(denied).isEqualTo(new TriggerPermission(false, "not a member", List.of("[Web Shop]\\Contributors")));
        assertThat(json.readValue("{\"allowed\":true}", TriggerPermission.class).allowedGroups()).isEmpty();
    }

    @Test
    void agentMarkerIsHiddenAndDetectable() {
        String marker = AgentMarker.of("job", "ab12", "variant", "2");
        assertThat(marker).isEqualTo("<!-- codeagent:job=ab12;variant=2 -->");
        assertThat(AgentMarker.isPresentIn("Done.\n\n" + marker)).isTrue();
        assertThat(AgentMarker.isPresentIn("<!--CodeAgent: x -->")).isTrue();
        assertThat(AgentMarker.isPresentIn("a plain comment about codeagent")).isFalse();
        assertThat(AgentMarker.of("job", "x -->evil")).doesNotContain("-->evil");
    }
}
