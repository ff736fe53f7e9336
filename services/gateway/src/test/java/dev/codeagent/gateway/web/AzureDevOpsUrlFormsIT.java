package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.Fixtures;
import dev.codeagent.gateway.GatewayClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deliveries in each URL form Azure DevOps uses reach the orchestrator with the organization (on Azure
 * DevOps Server: the collection) that the adapter puts into its request URLs,
 * {@code {CODEAGENT_ADO_BASE_URL}/{organization}/{project}/_apis/…}; the adapter's
 * {@code AzureDevOpsUrlFormsTest} takes each of these organizations on to a fake Azure DevOps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + AzureDevOpsUrlFormsIT.TOKEN,
        "codeagent.webhook.secret=" + AzureDevOpsUrlFormsIT.SECRET,
        "codeagent.rate-limit.per-repository=0",
        "codeagent.rate-limit.per-author=0"})
class AzureDevOpsUrlFormsIT {

    static final String TOKEN = "it-internal-token-0123456789";
    static final String SECRET = "it-webhook-secret-0123456789";
    private static final FakeOrchestrator ORCHESTRATOR = startOrchestrator();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void orchestrator(DynamicPropertyRegistry registry) {
        registry.add("codeagent.handoff.orchestrator-url", ORCHESTRATOR::url);
    }

    @AfterAll
    static void stop() {
        ORCHESTRATOR.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://dev.azure.com/fabrikam-demo/,                        fabrikam-demo,     11",
            "https://fabrikam-demo.visualstudio.com/,                     fabrikam-demo,     12",
            "https://fabrikam-demo.visualstudio.com/DefaultCollection/,   fabrikam-demo,     13",
            "https://ado.contoso.local/tfs/DefaultCollection/,            DefaultCollection, 14",
            "https://ado.contoso.local/DefaultCollection/,                DefaultCollection, 15"})
    void eachUrlFormNamesItsOrganization(String organizationUrl, String organization, long commentId) {
        ObjectNode delivery = Fixtures.capturedFrom(organizationUrl);
        ((ObjectNode) delivery.path("resource").path("comment")).put("id", commentId);

        assertThat(deliver(delivery).statusCode()).isEqualTo(202);

        JsonNode repository = handedOn("azure-devops:" + organization + "/DemoProject/DemoProject/pr/3/thread/318"
                + "/comment/" + commentId).path("repository");
        assertThat(repository.path("organization").asString()).isEqualTo(organization);
        assertThat(repository.path("project").asString()).isEqualTo("DemoProject");
        assertThat(repository.path("repository").asString()).isEqualTo("DemoProject");
    }

    @Test
    void theSameCommentInAnotherUrlFormIsADuplicate() {
        ObjectNode modern = Fixtures.capturedFrom("https://dev.azure.com/Fabrikam-Demo/");
        ObjectNode classic = Fixtures.capturedFrom("https://fabrikam-demo.visualstudio.com/DefaultCollection/");
        for (ObjectNode delivery : new ObjectNode[] {modern, classic}) {
            ((ObjectNode) delivery.path("resource").path("comment")).put("id", 21);
        }

        HttpResponse<String> first = deliver(modern);
        HttpResponse<String> again = deliver(classic);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(json.readTree(again.body()).path("jobId").asString())
                .isEqualTo(json.readTree(first.body()).path("jobId").asString());
    }

    @Test
    void microsoftsSampleWithoutABaseUrlIsReadFromItsResourceUrls() {
        ObjectNode sample = Fixtures.tree(Fixtures.MICROSOFT_SAMPLE);
        ((ObjectNode) sample.path("resource").path("comment")).put("content", "/edit Rename the helper");

        assertThat(deliver(sample).statusCode()).isEqualTo(202);

        JsonNode command = handedOn("azure-devops:fabrikam/Fabrikam/Fabrikam/pr/1/thread/5/comment/2");
        assertThat(command.path("repository").path("organization").asString()).isEqualTo("fabrikam");
        assertThat(command.path("intent").asString()).isEqualTo("Rename the helper");
    }

    @Test
    void microsoftsSampleAsPublishedIsAnOrdinaryComment() {
        HttpResponse<String> response = deliver(Fixtures.tree(Fixtures.MICROSOFT_SAMPLE));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("ignored").asString()).isEqualTo("not-a-command");
    }

    private JsonNode handedOn(String key) {
        assertThat(ORCHESTRATOR.receivedFor(key)).as("commands handed on with key %s", key).hasSize(1);
        return ORCHESTRATOR.receivedFor(key).get(0).body();
    }

    private HttpResponse<String> deliver(ObjectNode delivery) {
        return new GatewayClient(port).post("/webhook/ado", Fixtures.json(delivery), "X-CodeAgent-Secret", SECRET);
    }

    private static FakeOrchestrator startOrchestrator() {
        try {
            return new FakeOrchestrator(TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
