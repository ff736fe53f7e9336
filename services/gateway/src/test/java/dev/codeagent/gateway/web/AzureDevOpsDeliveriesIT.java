package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.Fixtures;
import dev.codeagent.gateway.GatewayClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure DevOps deliveries over real HTTP against a loopback orchestrator shared by the nested classes (each
 * uses keys of its own): the organization of each URL form, the gateway's scope, and redeliveries under the
 * rate limits. Each nested class runs a gateway of its own configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + AzureDevOpsDeliveriesIT.TOKEN,
        "codeagent.webhook.secret=" + AzureDevOpsDeliveriesIT.SECRET,
        "codeagent.rate-limit.per-repository=0",
        "codeagent.rate-limit.per-author=0"})
class AzureDevOpsDeliveriesIT {

    static final String TOKEN = "it-internal-token-0123456789";
    static final String SECRET = "it-webhook-secret-0123456789";
    @AutoClose
    private static final FakeOrchestrator ORCHESTRATOR = FakeOrchestrator.start(TOKEN);

    private final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void orchestrator(DynamicPropertyRegistry registry) {
        ORCHESTRATOR.handOffTo(registry);
    }

    /**
     * Deliveries in each URL form Azure DevOps uses reach the orchestrator with the organization (on Azure
     * DevOps Server: the collection) that the adapter puts into its request URLs,
     * {@code {CODEAGENT_ADO_BASE_URL}/{organization}/{project}/_apis/…}; the adapter's
     * {@code AzureDevOpsUrlFormsTest} takes each of these organizations on to a fake Azure DevOps.
     */
    @Nested
    class UrlForms {

        @LocalServerPort
        int port;

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

            assertThat(deliver(port, delivery).statusCode()).isEqualTo(202);

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

            HttpResponse<String> first = deliver(port, modern);
            HttpResponse<String> again = deliver(port, classic);

            assertThat(first.statusCode()).isEqualTo(202);
            // Without CODEAGENT_DASHBOARD_URL there is no address to give: the orchestrator's is internal.
            assertThat(json.readTree(first.body()).has("statusUrl")).as(first.body()).isFalse();
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json.readTree(again.body()).has("statusUrl")).as(again.body()).isFalse();
            assertThat(json.readTree(again.body()).path("duplicate").asBoolean()).isTrue();
            assertThat(json.readTree(again.body()).path("jobId").asString())
                    .isEqualTo(json.readTree(first.body()).path("jobId").asString());
        }

        @Test
        void microsoftsSampleWithoutABaseUrlIsReadFromItsResourceUrls() {
            ObjectNode sample = Fixtures.tree(Fixtures.MICROSOFT_SAMPLE);
            ((ObjectNode) sample.path("resource").path("comment")).put("content", "/edit Rename the helper");

            assertThat(deliver(port, sample).statusCode()).isEqualTo(202);

            JsonNode command = handedOn("azure-devops:fabrikam/Fabrikam/Fabrikam/pr/1/thread/5/comment/2");
            assertThat(command.path("repository").path("organization").asString()).isEqualTo("fabrikam");
            assertThat(command.path("intent").asString()).isEqualTo("Rename the helper");
        }

        @Test
        void microsoftsSampleAsPublishedIsAnOrdinaryComment() {
            HttpResponse<String> response = deliver(port, Fixtures.tree(Fixtures.MICROSOFT_SAMPLE));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json.readTree(response.body()).path("ignored").asString()).isEqualTo("not-a-command");
        }

        private JsonNode handedOn(String key) {
            assertThat(ORCHESTRATOR.receivedFor(key)).as("commands handed on with key %s", key).hasSize(1);
            return ORCHESTRATOR.receivedFor(key).get(0).body();
        }
    }

    /**
     * A gateway restricted to one organization, some projects and some repositories: deliveries from
     * elsewhere are refused with 403 and nothing is handed on, not even for an ordinary comment.
     */
    @Nested
    @TestPropertySource(properties = {
            "codeagent.scope.ado-organization=Fabrikam-Demo",
            "codeagent.scope.allowed-projects=DemoProject,Fabrikam",
            "codeagent.scope.allowed-repositories=DemoProject/Demo*,Fabrikam/Fabrikam"})
    class Scope {

        @LocalServerPort
        int port;

        @Test
        void aDeliveryOfTheConfiguredOrganizationIsHandedOnInItsConfiguredSpelling() {
            assertThat(deliver(port, Fixtures.tree(Fixtures.CAPTURED)).statusCode()).isEqualTo(202);
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
                HttpResponse<String> refused = deliver(port, delivery);
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
            assertForbidden(deliver(port, sample), "This gateway serves the Azure DevOps organization 'Fabrikam-Demo' "
                    + "(CODEAGENT_ADO_ORGANIZATION); the delivery is for 'fabrikam'.");

            // Without any URL naming an organization, the delivery is taken to be for the configured one.
            ((ObjectNode) sample.path("resource").path("pullRequest")).remove("url");
            ((ObjectNode) sample.path("resource").path("pullRequest").path("repository")).remove("url");
            ((ObjectNode) sample.path("resource").path("comment").path("_links")).remove("self");
            assertThat(deliver(port, sample).statusCode()).isEqualTo(202);
            assertThat(ORCHESTRATOR.receivedFor("azure-devops:Fabrikam-Demo/Fabrikam/Fabrikam/pr/1/thread/5/comment/2"))
                    .hasSize(1);
        }

        @Test
        void projectsAndRepositoriesOutsideTheAllowListsAreRefused() {
            int calls = ORCHESTRATOR.calls();
            ObjectNode otherProject = Fixtures.tree(Fixtures.CAPTURED);
            ((ObjectNode) otherProject.path("resource").path("pullRequest").path("repository").path("project"))
                    .put("name", "Internal");
            assertForbidden(deliver(port, otherProject),
                    "The project 'Internal' is not in CODEAGENT_ALLOWED_PROJECTS.");

            ObjectNode otherRepository = Fixtures.tree(Fixtures.CAPTURED);
            ((ObjectNode) otherRepository.path("resource").path("pullRequest").path("repository"))
                    .put("name", "secrets");
            assertForbidden(deliver(port, otherRepository),
                    "The repository 'DemoProject/secrets' is not in CODEAGENT_ALLOWED_REPOSITORIES.");
            assertThat(ORCHESTRATOR.calls()).isEqualTo(calls);
        }

        private void assertForbidden(HttpResponse<String> response, String detail) {
            assertThat(response.statusCode()).isEqualTo(403);
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("https://codeagent.dev/problems/permission");
            assertThat(problem.path("detail").asString()).isEqualTo(detail);
        }
    }

    /**
     * With {@code CODEAGENT_REQUIRE_MENTION} only commands whose leading mentions name the agent start jobs: by
     * its identity id ({@code @<id>}, what Azure DevOps writes when someone picks the agent) or by a configured
     * name; anything else is answered as ignored, and nothing is handed on.
     */
    @Nested
    @TestPropertySource(properties = {
            "codeagent.command.require-mention=true",
            "codeagent.command.agent-identity-ids=7f3a2b1c-0d4e-4f5a-8b6c-9d0e1f2a3b4c"})
    class RequiredMention {

        @LocalServerPort
        int port;

        @Test
        void onlyCommandsThatMentionTheAgentStartJobs() {
            // The fixture's command starts with @<7F3A2B1C-…>, the agent's identity id in upper case.
            assertThat(deliver(port, Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 601)).statusCode()).isEqualTo(202);
            assertThat(deliver(port, Fixtures.withContent(Fixtures.EDIT_COMMAND, 602, "@codeagent: /help"))
                    .statusCode()).isEqualTo(202);
            int calls = ORCHESTRATOR.calls();

            for (String content : new String[] {"/edit /2 Add validation", "@<0000aaaa-0000-4000-8000-000000000009> "
                    + "/edit Add validation", "@AICodingAgent /edit /1 Add validation", "/help @CodeAgent"}) {
                HttpResponse<String> response = deliver(port, Fixtures.withContent(Fixtures.EDIT_COMMAND, 603,
                        content));
                assertThat(response.statusCode()).as(content).isEqualTo(200);
                assertThat(json.readTree(response.body()).path("ignored").asString()).as(content)
                        .isEqualTo("agent-not-mentioned");
            }
            assertThat(ORCHESTRATOR.calls()).isEqualTo(calls);
        }
    }

    /** A redelivery of a command that was let through is never counted again by the rate limits, nor refused. */
    @Nested
    @TestPropertySource(properties = {
            "codeagent.rate-limit.per-author=1",
            "codeagent.rate-limit.window=10m",
            // One attempt per hand-off, so that an outage is answered at once.
            "codeagent.platform.connect-timeout=1s",
            "codeagent.handoff.timeout=2s",
            "codeagent.handoff.max-total=3s"})
    class Redelivery {

        /** The author of the edit-command fixtures; each test replaces it so that the tests do not share a limit. */
        private static final String FIXTURE_AUTHOR = "2c9d1e7f-6a4b-4d3c-9e8f-0a1b2c3d4e5f";

        @LocalServerPort
        int port;

        @AfterEach
        void orchestratorBack() {
            ORCHESTRATOR.failNext(0, 503);
        }

        @Test
        void aRedeliveryIsADuplicateNotA429AndANewCommentIsLimited() {
            String author = "0000aaaa-0000-4000-8000-000000000001";
            String command = as(author, Fixtures.tree(Fixtures.EDIT_COMMAND));

            HttpResponse<String> first = deliver(port, command);
            HttpResponse<String> again = deliver(port, command);
            HttpResponse<String> edited = deliver(port, as(author, Fixtures.tree(Fixtures.EDITED)));
            HttpResponse<String> another = deliver(port, as(author, Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 2)));

            assertThat(first.statusCode()).isEqualTo(202);
            String jobId = json.readTree(first.body()).path("jobId").asString();
            assertThat(again.statusCode()).isEqualTo(200);
            JsonNode duplicate = json.readTree(again.body());
            assertThat(duplicate.path("duplicate").asBoolean()).isTrue();
            assertThat(duplicate.path("jobId").asString()).isEqualTo(jobId);
            assertThat(edited.statusCode()).isEqualTo(200);
            assertThat(json.readTree(edited.body()).path("ignored").asString()).isEqualTo("edit-of-handled-comment");
            assertThat(another.statusCode()).isEqualTo(429);
            assertThat(another.body()).contains("problems/rate-limited").contains("author");
        }

        @Test
        void aRedeliveryAfterAnOutageIsNotCountedAgain() {
            String author = "0000aaaa-0000-4000-8000-000000000002";
            String command = as(author, Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 31));
            ORCHESTRATOR.failNext(1, 503);

            HttpResponse<String> duringOutage = deliver(port, command);
            HttpResponse<String> retried = deliver(port, command);

            assertThat(duringOutage.statusCode()).isEqualTo(503);
            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(deliver(port, as(author, Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 32))).statusCode())
                    .isEqualTo(429);
        }

        private static String as(String author, ObjectNode delivery) {
            return Fixtures.json(delivery).replace(FIXTURE_AUTHOR, author);
        }
    }

    private static HttpResponse<String> deliver(int port, ObjectNode delivery) {
        return deliver(port, Fixtures.json(delivery));
    }

    private static HttpResponse<String> deliver(int port, String delivery) {
        return new GatewayClient(port).post("/webhook/ado", delivery, "X-CodeAgent-Secret", SECRET);
    }
}
