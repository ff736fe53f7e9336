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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway restricted to one organization, some projects and some repositories: deliveries from
 * elsewhere are refused with 403 and nothing is handed on, not even for an ordinary comment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + DeliveryScopeIT.TOKEN,
        "codeagent.webhook.secret=" + DeliveryScopeIT.SECRET,
        "codeagent.scope.ado-organization=Fabrikam-Demo",
        "codeagent.scope.allowed-projects=DemoProject,Fabrikam",
        "codeagent.scope.allowed-repositories=DemoProject/Demo*,Fabrikam/Fabrikam",
        "codeagent.rate-limit.per-repository=0",
        "codeagent.rate-limit.per-author=0"})
class DeliveryScopeIT {

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

    @Test
    void aDeliveryOfTheConfiguredOrganizationIsHandedOnInItsConfiguredSpelling() {
        assertThat(deliver(Fixtures.tree(Fixtures.CAPTURED)).statusCode()).isEqualTo(202);
        JsonNode repository = ORCHESTRATOR.receivedFor(
                "azure-devops:Fabrikam-Demo/DemoProject/DemoProject/pr/3/thread/318/comment/1").get(0).body()
                .path("repository");
        assertThat(repository.path("organization").asString()).isEqualTo("Fabrikam-Demo");
    }

    @Test
    void anotherOrganizationIsRefusedAndNothingIsHandedOn() {
        int calls = ORCHESTRATOR.calls();
        ObjectNode command = Fixtures.capturedFrom("https://dev.azure.com/contoso/");
        ObjectNode ordinary = Fixtures.capturedFrom("https://contoso.visualstudio.com/");
        ((ObjectNode) ordinary.path("resource").path("comment")).put("content", "Looks good to me");

        for (ObjectNode delivery : new ObjectNode[] {command, ordinary}) {
            HttpResponse<String> refused = deliver(delivery);
            assertForbidden(refused, "This gateway serves the Azure DevOps organization 'Fabrikam-Demo' "
                    + "(CODEAGENT_ADO_ORGANIZATION); the delivery is for 'contoso'.");
        }
        assertThat(ORCHESTRATOR.calls()).isEqualTo(calls);
        assertThat(new GatewayClient(port).get("/actuator/prometheus").body())
                .containsPattern("codeagent_gateway_deliveries_total\\{[^}]*outcome=\"forbidden\"");
    }

    @Test
    void microsoftsSampleIsForAnotherOrganizationUnlessItNamesNone() {
        ObjectNode sample = Fixtures.tree(Fixtures.MICROSOFT_SAMPLE);
        ((ObjectNode) sample.path("resource").path("comment")).put("content", "/help");
        assertForbidden(deliver(sample), "This gateway serves the Azure DevOps organization 'Fabrikam-Demo' "
                + "(CODEAGENT_ADO_ORGANIZATION); the delivery is for 'fabrikam'.");

        // Without any URL naming an organization, the delivery is taken to be for the configured one.
        ((ObjectNode) sample.path("resource").path("pullRequest")).remove("url");
        ((ObjectNode) sample.path("resource").path("pullRequest").path("repository")).remove("url");
        ((ObjectNode) sample.path("resource").path("comment").path("_links")).remove("self");
        assertThat(deliver(sample).statusCode()).isEqualTo(202);
        assertThat(ORCHESTRATOR.receivedFor("azure-devops:Fabrikam-Demo/Fabrikam/Fabrikam/pr/1/thread/5/comment/2"))
                .hasSize(1);
    }

    @Test
    void projectsAndRepositoriesOutsideTheAllowListsAreRefused() {
        int calls = ORCHESTRATOR.calls();
        ObjectNode otherProject = Fixtures.tree(Fixtures.CAPTURED);
        ((ObjectNode) otherProject.path("resource").path("pullRequest").path("repository").path("project"))
                .put("name", "Internal");
        assertForbidden(deliver(otherProject), "The project 'Internal' is not in CODEAGENT_ALLOWED_PROJECTS.");

        ObjectNode otherRepository = Fixtures.tree(Fixtures.CAPTURED);
        ((ObjectNode) otherRepository.path("resource").path("pullRequest").path("repository"))
                .put("name", "secrets");
        assertForbidden(deliver(otherRepository),
                "The repository 'DemoProject/secrets' is not in CODEAGENT_ALLOWED_REPOSITORIES.");
        assertThat(ORCHESTRATOR.calls()).isEqualTo(calls);
    }

    private void assertForbidden(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://codeagent.dev/problems/permission");
        assertThat(problem.path("detail").asString()).isEqualTo(detail);
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
