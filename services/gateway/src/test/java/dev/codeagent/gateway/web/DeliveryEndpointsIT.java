package dev.codeagent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.gateway.FakeOrchestrator;
import dev.codeagent.gateway.Fixtures;
import dev.codeagent.gateway.GatewayClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The delivery endpoints over real HTTP, against a loopback orchestrator that de-duplicates by
 * idempotency key. Authentication is the local runner's: a shared secret in X-CodeAgent-Secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "codeagent.platform.internal-token=" + DeliveryEndpointsIT.TOKEN,
        // Generous per-attempt timeouts: the build machine is shared and can be very busy. Instant 503s
        // still exhaust the retries in well under a second.
        "codeagent.platform.connect-timeout=1s",
        "codeagent.webhook.secret=" + DeliveryEndpointsIT.SECRET,
        "codeagent.command.agent-identity-ids=AGENT-ID-1",
        "codeagent.command.agent-unique-names=codeagent@bot.example",
        "codeagent.rate-limit.per-repository=0",
        "codeagent.rate-limit.per-author=0",
        "codeagent.handoff.timeout=4s",
        "codeagent.handoff.max-total=6s",
        "codeagent.handoff.retry-after=7s",
        "codeagent.dashboard.url=https://agent.example.com/"})
@ExtendWith(OutputCaptureExtension.class)
class DeliveryEndpointsIT {

    static final String TOKEN = "it-internal-token-0123456789";
    static final String SECRET = "it-webhook-secret-0123456789";
    private static final String KEY_57 = "azure-devops:contoso/Payments/payments-api/pr/57/thread/742/comment/";
    @AutoClose
    private static final FakeOrchestrator ORCHESTRATOR = FakeOrchestrator.start(TOKEN);

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private GatewayClient gateway;

    @DynamicPropertySource
    static void orchestrator(DynamicPropertyRegistry registry) {
        ORCHESTRATOR.handOffTo(registry);
    }

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(port);
        ORCHESTRATOR.failNext(0, 503);
        ORCHESTRATOR.delay(0);
    }

    @Test
    void editCommandFixtureStartsOneJobAndRetriesAndTheEditDoNot() {
        HttpResponse<String> first = deliver(new String(Fixtures.bytes(Fixtures.EDIT_COMMAND)));
        assertThat(first.statusCode()).isEqualTo(202);
        JsonNode accepted = json.readTree(first.body());
        String jobId = accepted.path("jobId").asString();
        assertThat(jobId).isNotBlank();
        // The job's page on the public dashboard, never the orchestrator's internal status URL.
        assertThat(accepted.path("statusUrl").asString()).isEqualTo("https://agent.example.com/jobs/" + jobId);
        assertThat(first.headers().firstValue("x-corr-id")).hasValue("5b2e8f1c-9a7d-4c3e-8b6f-1d2a3c4e5f60");

        FakeOrchestrator.Received sent = ORCHESTRATOR.receivedFor(KEY_57 + "1").get(0);
        assertThat(sent.idempotencyKey()).isEqualTo(KEY_57 + "1");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.corrId()).isEqualTo("5b2e8f1c-9a7d-4c3e-8b6f-1d2a3c4e5f60");
        JsonNode body = sent.body();
        assertThat(body.path("kind").asString()).isEqualTo("edit");
        assertThat(body.path("variants").asInt()).isEqualTo(3);
        assertThat(body.path("intent").asString()).isEqualTo("Add input validation to the login handler");
        assertThat(body.path("repository").path("organization").asString()).isEqualTo("contoso");
        assertThat(body.path("repository").path("project").asString()).isEqualTo("Payments");
        assertThat(body.path("repository").path("repository").asString()).isEqualTo("payments-api");
        assertThat(body.path("repository").path("repositoryId").asString())
                .isEqualTo("6f1c2a7e-4b1d-4c55-9d0e-2b7f3c9a1e11");
        assertThat(body.path("pullRequestId").asLong()).isEqualTo(57);
        assertThat(body.path("threadId").asLong()).isEqualTo(742);
        assertThat(body.path("commentId").asLong()).isEqualTo(1);
        assertThat(body.path("author").path("uniqueName").asString()).isEqualTo("dana@contoso.example");
        assertThat(body.path("sourceRef").asString()).isEqualTo("refs/heads/feature/login-rate-limit");
        assertThat(body.path("sourceCommit").asString()).isEqualTo("9c1b7e3f2a4d6c8e0f1a3b5c7d9e1f2a4b6c8d0e");
        assertThat(body.path("deliveryId").asString()).isEqualTo("5b2e8f1c-9a7d-4c3e-8b6f-1d2a3c4e5f60");
        assertThat(body.path("commentUpdatedAt").asString()).isEqualTo("2026-11-20T09:14:03.217Z");

        HttpResponse<String> retry = deliver(new String(Fixtures.bytes(Fixtures.EDIT_COMMAND)));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).path("jobId").asString()).isEqualTo(jobId);
        assertThat(json.readTree(retry.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(json.readTree(retry.body()).path("statusUrl").asString())
                .isEqualTo("https://agent.example.com/jobs/" + jobId);

        HttpResponse<String> edited = deliver(new String(Fixtures.bytes(Fixtures.EDITED)));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(json.readTree(edited.body()).path("ignored").asString()).isEqualTo("edit-of-handled-comment");
        assertThat(json.readTree(edited.body()).path("jobId").asString()).isEqualTo(jobId);
        assertThat(json.readTree(edited.body()).path("statusUrl").asString())
                .isEqualTo("https://agent.example.com/jobs/" + jobId);

        assertThat(ORCHESTRATOR.receivedFor(KEY_57 + "1")).hasSize(3);
        assertThat(ORCHESTRATOR.jobFor(KEY_57 + "1")).isEqualTo(jobId);
    }

    @Test
    void fiftyConcurrentDeliveriesAndTheEditMakeExactlyOneJob() throws Exception {
        long commentId = 5050;
        String delivery = Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, commentId));
        String edit = Fixtures.json(Fixtures.withCommentId(Fixtures.EDITED, commentId));
        int before = ORCHESTRATOR.jobsCreated();
        ORCHESTRATOR.delay(5);
        ExecutorService pool = Executors.newFixedThreadPool(51);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                String body = i == 50 ? edit : delivery;
                Callable<HttpResponse<String>> call = () -> {
                    go.await();
                    return deliver(body);
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> jobIds = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                jobIds.add(json.readTree(response.body()).path("jobId").asString());
            }
            assertThat(statuses).containsOnly(200, 202);
            assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);
            assertThat(jobIds).containsOnly(ORCHESTRATOR.jobFor(KEY_57 + commentId));
        } finally {
            pool.shutdownNow();
        }
        assertThat(ORCHESTRATOR.jobsCreated() - before).isEqualTo(1);
        assertThat(ORCHESTRATOR.receivedFor(KEY_57 + commentId)).hasSize(51);
    }

    @Test
    void capturedDeliveryWithAPlainTextMentionStartsAJob() {
        HttpResponse<String> response = deliver(new String(Fixtures.bytes(Fixtures.CAPTURED)));
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode sent = ORCHESTRATOR.receivedFor(
                "azure-devops:fabrikam-demo/DemoProject/DemoProject/pr/3/thread/318/comment/1").get(0).body();
        assertThat(sent.path("variants").asInt()).isEqualTo(1);
        assertThat(sent.path("intent").asString())
                .isEqualTo("Add a simple Scipt in C# in a the readMe with a couple of methods");
    }

    @Test
    void plainReplyIsIgnored() {
        int calls = ORCHESTRATOR.received().size();
        HttpResponse<String> response = deliver(new String(Fixtures.bytes(Fixtures.PLAIN_REPLY)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ignored\":\"not-a-command\"}");
        assertThat(ORCHESTRATOR.received()).hasSize(calls);
    }

    @Test
    void otherEventsVersionsAgentCommentsAndDeletionsAreIgnored() {
        ObjectNode otherEvent = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 6001);
        otherEvent.put("eventType", "git.pullrequest.updated");
        assertIgnored(otherEvent, "unsupported-event-type");

        ObjectNode oldVersion = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 6002);
        oldVersion.put("resourceVersion", "1.0");
        assertIgnored(oldVersion, "unsupported-resource-version");

        assertIgnored(Fixtures.withContent(Fixtures.EDIT_COMMAND, 6003,
                "/edit /2 progress <!-- codeagent:job=abc -->"), "agent-comment");

        ObjectNode byAgentId = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 6004);
        ((ObjectNode) byAgentId.path("resource").path("comment").path("author")).put("id", "agent-id-1");
        assertIgnored(byAgentId, "agent-comment");

        ObjectNode byAgentName = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 6005);
        ((ObjectNode) byAgentName.path("resource").path("comment").path("author"))
                .put("uniqueName", "CodeAgent@Bot.example");
        assertIgnored(byAgentName, "agent-comment");

        ObjectNode deleted = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 6006);
        ((ObjectNode) deleted.path("resource").path("comment")).put("isDeleted", true);
        assertIgnored(deleted, "deleted-comment");

        assertThat(ORCHESTRATOR.received()).noneMatch(r -> r.idempotencyKey().matches(".*/comment/600[1-6]"));
    }

    @Test
    void malformedCommandIsHandedOnAsRejected() {
        HttpResponse<String> response = deliver(Fixtures.json(
                Fixtures.withContent(Fixtures.EDIT_COMMAND, 7001, "@<7F3A2B1C> /edit /11 too many")));
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode sent = ORCHESTRATOR.receivedFor(KEY_57 + "7001").get(0).body();
        assertThat(sent.path("kind").asString()).isEqualTo("rejected");
        assertThat(sent.path("rejectionReason").asString()).contains("between 1 and 10");
        assertThat(sent.path("variants").asInt()).isZero();

        deliver(Fixtures.json(Fixtures.withContent(Fixtures.EDIT_COMMAND, 7002, "/HELP")));
        assertThat(ORCHESTRATOR.receivedFor(KEY_57 + "7002").get(0).body().path("kind").asString()).isEqualTo("help");
    }

    @Test
    void repositoryNamesInAnyScriptAreHandedOn() {
        ObjectNode delivery = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 7101);
        ((ObjectNode) delivery.path("resource").path("pullRequest").path("repository")).put("name", "Zahlungsverkehr Ä 支付");
        HttpResponse<String> response = deliver(Fixtures.json(delivery));
        assertThat(response.statusCode()).isEqualTo(202);
        String key = "azure-devops:contoso/Payments/Zahlungsverkehr Ä 支付/pr/57/thread/742/comment/7101";
        // The key travels in the JSON body only, as UTF-8.
        assertThat(ORCHESTRATOR.receivedFor(key)).singleElement()
                .satisfies(r -> assertThat(r.body().path("repository").path("repository").asString())
                        .isEqualTo("Zahlungsverkehr Ä 支付"));
    }

    @Test
    void badJsonIs400Problem() {
        HttpResponse<String> response = deliver("{\"eventType\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("type").asString())
                .isEqualTo("https://codeagent.dev/problems/validation");

        assertThat(deliver("").statusCode()).isEqualTo(400);
        assertThat(deliver("[]").statusCode()).isEqualTo(400);
        assertThat(deliver("\"just a string\"").statusCode()).isEqualTo(400);
    }

    @Test
    void missingFieldsAre400NamingThem() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ((ObjectNode) tree.path("resource").path("comment")).remove("id");
        ((ObjectNode) tree.path("resource").path("pullRequest")).remove("pullRequestId");
        HttpResponse<String> response = deliver(Fixtures.json(tree));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("detail").asString()).contains("resource.comment.id")
                .contains("resource.pullRequest.pullRequestId");
        assertThat(problem.path("fields").toString()).contains("resource.comment.id");
    }

    @Test
    void namesWithLineBreaksAre400AndNeverReachTheLogOrTheOrchestrator(CapturedOutput output) {
        ObjectNode tree = Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 71);
        ((ObjectNode) tree.path("resource").path("comment").path("author")).put("displayName",
                "Dana\n2026-12-06T12:00:00.000Z  INFO 1 --- [gateway] forged: Job started");
        ((ObjectNode) tree.path("resource").path("pullRequest").path("repository")).put("name", "payments\rapi");

        HttpResponse<String> response = deliver(Fixtures.json(tree));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("detail").asString()).isEqualTo("Missing or invalid fields: "
                + "resource.comment.author.displayName, resource.pullRequest.repository.name (control characters are "
                + "not allowed in resource.comment.author.displayName, resource.pullRequest.repository.name)");
        assertThat(ORCHESTRATOR.receivedFor(KEY_57 + 71)).isEmpty();
        assertThat(output.getAll()).doesNotContain("forged: Job started");
    }

    @Test
    void aCommandSpanningLinesIsHandedOnWithItsLineBreaks() {
        HttpResponse<String> response = deliver(Fixtures.json(Fixtures.withContent(Fixtures.EDIT_COMMAND, 72,
                "/edit Add validation\r\n\r\n- to the login handler\n- to the signup handler")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(ORCHESTRATOR.receivedFor(KEY_57 + 72).get(0).body().path("intent").asString())
                .isEqualTo("Add validation\n\n- to the login handler\n- to the signup handler");
    }

    @Test
    void wrongOrMissingCredentialsAre401WithAChallenge() {
        String body = new String(Fixtures.bytes(Fixtures.EDIT_COMMAND));
        HttpResponse<String> missing = gateway.post("/webhook/ado", body);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("X-CodeAgent-Secret"));
        assertThat(json.readTree(missing.body()).path("type").asString())
                .isEqualTo("https://codeagent.dev/problems/unauthorized");
        assertThat(gateway.post("/webhook/ado", body, "X-CodeAgent-Secret", SECRET + "x").statusCode())
                .isEqualTo(401);
        // The internal token is not a webhook credential.
        assertThat(gateway.post("/webhook/ado", body, "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(gateway.post("/api/comment-events", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void bodiesOverTwoMegabytesAre413WithOrWithoutContentLength() {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<String> declared = gateway.post("/webhook/ado", HttpRequest.BodyPublishers.ofByteArray(big),
                "X-CodeAgent-Secret", SECRET);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("problems/validation");

        HttpResponse<String> chunked = gateway.post("/webhook/ado",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
                "X-CodeAgent-Secret", SECRET);
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    @Test
    void orchestratorOutageIs503WithRetryAfterAndShortBlipsAreRetried() {
        ORCHESTRATOR.failNext(1000, 503);
        HttpResponse<String> down = deliver(Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 8001)));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json.readTree(down.body()).path("type").asString())
                .isEqualTo("https://codeagent.dev/problems/unavailable");

        ORCHESTRATOR.failNext(2, 502);
        HttpResponse<String> blip = deliver(Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 8002)));
        assertThat(blip.statusCode()).isEqualTo(202);
        assertThat(ORCHESTRATOR.receivedFor(KEY_57 + "8002")).hasSize(3);
    }

    @Test
    void orchestratorRefusalIs502SoTheDeliveryIsNotLost() {
        ORCHESTRATOR.failNext(1, 422);
        HttpResponse<String> refused = deliver(Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 8101)));
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(ORCHESTRATOR.receivedFor(KEY_57 + "8101")).hasSize(1);
    }

    @Test
    void commentEventsEndpointAcceptsTheProviderNeutralForm() {
        String event = """
                {"provider":"local","organization":"local","project":"local","repository":"demo",
                 "pullRequestId":1,"threadId":4,"commentId":9,"author":{"id":"dev-1","name":"Dev"},
                 "content":"@CodeAgent /edit /2 Make it faster","eventId":"evt-42"}""";
        HttpResponse<String> response = gateway.post("/api/comment-events", event, "X-CodeAgent-Secret", SECRET);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("x-corr-id")).hasValue("evt-42");
        FakeOrchestrator.Received sent = ORCHESTRATOR.receivedFor("local:local/local/demo/pr/1/thread/4/comment/9")
                .get(0);
        assertThat(sent.body().path("variants").asInt()).isEqualTo(2);
        assertThat(sent.body().path("repository").path("provider").asString()).isEqualTo("local");

        HttpResponse<String> again = gateway.post("/api/comment-events", event, "X-CodeAgent-Secret", SECRET,
                "x-corr-id", "caller-id");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("x-corr-id")).hasValue("caller-id");

        HttpResponse<String> missing = gateway.post("/api/comment-events", "{\"provider\":\"local\"}",
                "X-CodeAgent-Secret", SECRET);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("organization").contains("commentId").contains("author.id");
    }

    @Test
    void metricsCountDeliveriesParseOutcomesAndHandOffs() {
        deliver(new String(Fixtures.bytes(Fixtures.PLAIN_REPLY)));
        gateway.post("/webhook/ado", "{}");
        String metrics = gateway.get("/actuator/prometheus").body();
        assertThat(metrics).contains("codeagent_gateway_deliveries_total{")
                .contains("outcome=\"ignored\"")
                .contains("codeagent_gateway_commands_total{")
                .contains("codeagent_gateway_auth_failures_total{")
                .contains("codeagent_gateway_handoff_seconds_count{")
                .contains("codeagent_gateway_handoff_batch_size_count");
    }

    @Test
    void metricsTagEachOutcomeByItsName() {
        String command = Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 9001));
        assertThat(deliver(command).statusCode()).isEqualTo(202);
        assertThat(deliver(command).statusCode()).isEqualTo(200);
        deliver(Fixtures.json(Fixtures.withContent(Fixtures.EDIT_COMMAND, 9002, "/help")));
        deliver(Fixtures.json(Fixtures.withContent(Fixtures.EDIT_COMMAND, 9003, "/edit /0 nothing")));
        deliver(new String(Fixtures.bytes(Fixtures.PLAIN_REPLY)));
        ORCHESTRATOR.failNext(1, 422);
        assertThat(deliver(Fixtures.json(Fixtures.withCommentId(Fixtures.EDIT_COMMAND, 9004))).statusCode())
                .isEqualTo(502);

        String metrics = gateway.get("/actuator/prometheus").body();
        assertTagged(metrics, "codeagent_gateway_deliveries_total", "accepted", "duplicate", "ignored", "refused");
        assertTagged(metrics, "codeagent_gateway_commands_total", "edit", "help", "rejected", "not-a-command");
        assertTagged(metrics, "codeagent_gateway_handoff_seconds_count", "created", "existing", "refused");
    }

    private static void assertTagged(String metrics, String meter, String... outcomes) {
        for (String outcome : outcomes) {
            assertThat(metrics).containsPattern(meter + "\\{[^}]*outcome=\"" + outcome + "\"");
        }
    }

    private void assertIgnored(ObjectNode delivery, String reason) {
        HttpResponse<String> response = deliver(Fixtures.json(delivery));
        assertThat(response.statusCode()).as(reason).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("ignored").asString()).isEqualTo(reason);
    }

    private HttpResponse<String> deliver(String body) {
        return gateway.post("/webhook/ado", body, "X-CodeAgent-Secret", SECRET);
    }
}
