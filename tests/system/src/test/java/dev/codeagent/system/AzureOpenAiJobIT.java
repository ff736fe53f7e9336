package dev.codeagent.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs through the real gateway, orchestrator, adapter (local git provider) and llm-patch, started from a command
 * comment, with the model behind a WireMock Azure OpenAI in its documented shape
 * ({@code POST /openai/deployments/{deployment}/chat/completions?api-version=…}, {@code api-key} header, a chat
 * completion with {@code usage}): the tokens and cost of each variant reach the comparison table, the job API and
 * llm-patch's Prometheus counters; a per-job token budget stops the second variant with a reply naming the budget
 * and its use; a provider policy keeps the project on a local Ollama that is down, so the variant fails with the
 * reason and Azure receives nothing.
 */
@ExtendWith(ServiceJarsBuilt.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AzureOpenAiJobIT {

    static final String DEPLOYMENT = "gpt-4o-prod";
    static final String API_VERSION = "2024-10-21";
    static final String API_KEY = "system-test-azure-key";
    static final String ROUTE = "/openai/deployments/" + DEPLOYMENT + "/chat/completions";
    static final long BUDGET_TOKENS = 20_000;
    static final String INTENT = "Reject an order without a customer";
    static final String BUDGET_MARKER = "within the token budget";
    static final String ORDER_PATH = "src/main/java/com/example/shop/Order.java";

    static final WireMockServer azure = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    static ServiceStack stack;
    static StackClient client;
    static StackClient.PullRequest pr;

    @BeforeAll
    static void startStack() throws IOException {
        Path root = ServiceStack.root();
        azure.start();
        stubAzure();
        Path dataDir = Files.createTempDirectory(Files.createDirectories(root.resolve("tests/system/target")),
                "AzureOpenAiJobIT-");
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put(ServiceStack.LLM_PATCH, Map.of(
                "CODEAGENT_LLM_PROVIDERS", "azure-openai",
                "CODEAGENT_AZURE_OPENAI_ENDPOINT", azure.baseUrl(),
                "CODEAGENT_AZURE_OPENAI_DEPLOYMENT", DEPLOYMENT,
                "CODEAGENT_AZURE_OPENAI_API_VERSION", API_VERSION,
                "CODEAGENT_AZURE_OPENAI_API_KEY", API_KEY,
                "CODEAGENT_MODEL_PRICES", DEPLOYMENT + "=2.00/8.00"));
        settings.put(ServiceStack.ORCHESTRATOR, Map.of(
                // One variant after the other, so that the second is checked against what the first used.
                "CODEAGENT_VARIANT_PARALLELISM", "1",
                "CODEAGENT_BUDGET_PER_JOB_TOKENS", Long.toString(BUDGET_TOKENS),
                // llm-patch answers 503 when every allowed provider is down; retry that once, quickly (and not
                // for the default five minutes a dependency that is down is waited for).
                "CODEAGENT_STEP_MAX_ATTEMPTS", "2",
                "CODEAGENT_RETRY_DEADLINE", "1s",
                "CODEAGENT_RETRY_INITIAL_BACKOFF", "200ms",
                "CODEAGENT_RETRY_MAX_BACKOFF", "1s"));
        stack = ServiceStack.start(root, dataDir, settings);
        client = new StackClient(stack);
        pr = client.openPullRequest(SampleShop.files(), ORDER_PATH, SampleShop.orderWithCustomer());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (azure.isRunning()) {
            azure.stop();
        }
    }

    /**
     * Every call is answered with the same edit; the usage the answer reports is what llm-patch counts. A call for
     * the budget scenario reports a large prompt, as a big repository would, so that one call leaves less of the
     * job's budget than the answer allowance alone (CODEAGENT_LLM_MAX_OUTPUT_TOKENS, 4096) of the next call.
     */
    private static void stubAzure() {
        azure.stubFor(post(urlPathEqualTo(ROUTE)).atPriority(5)
                .withQueryParam("api-version", equalTo(API_VERSION))
                .withHeader("api-key", equalTo(API_KEY))
                .willReturn(completion(1500, 250)));
        azure.stubFor(post(urlPathEqualTo(ROUTE)).atPriority(1)
                .withQueryParam("api-version", equalTo(API_VERSION))
                .withHeader("api-key", equalTo(API_KEY))
                .withRequestBody(containing(BUDGET_MARKER))
                .willReturn(completion(17_000, 250)));
    }

    private static ResponseDefinitionBuilder completion(int prompt, int completion) {
        String body = """
                {"id":"chatcmpl-sys1","object":"chat.completion","created":1767225600,"model":"gpt-4o-2024-11-20",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                 "logprobs":null,"finish_reason":"stop","content_filter_results":{}}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d},
                 "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}]}"""
                .formatted(JsonMapper.builder().build().writeValueAsString(SampleShop.answer()), prompt, completion,
                        prompt + completion);
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    @Order(1)
    void tokensAndCostPerVariantInTheTableTheApiAndPrometheus() throws IOException {
        Map<String, String> input = Map.of("provider", "azure-openai", "model", DEPLOYMENT, "direction", "input");
        Map<String, String> output = Map.of("provider", "azure-openai", "model", DEPLOYMENT, "direction", "output");
        Map<String, String> model = Map.of("provider", "azure-openai", "model", DEPLOYMENT);
        BigDecimal inputBefore = client.metric(ServiceStack.LLM_PATCH, "codeagent_model_tokens_total", input);
        BigDecimal outputBefore = client.metric(ServiceStack.LLM_PATCH, "codeagent_model_tokens_total", output);
        BigDecimal costBefore = client.metric(ServiceStack.LLM_PATCH, "codeagent_model_cost_total", model);

        StackClient.Job job = client.comment(pr, INTENT, 2);
        JsonNode view = client.awaitFinished(job, Duration.ofSeconds(90));

        assertThat(view.get("runtimeStatus").asString()).as("%s", view).isEqualTo("Completed");
        assertThat(view.get("variants")).hasSize(2);
        for (JsonNode v : view.get("variants")) {
            assertThat(v.get("state").asString()).as("%s", v).isEqualTo("succeeded");
            assertThat(v.get("provider").asString()).isEqualTo("azure-openai");
            assertThat(v.get("model").asString()).isEqualTo(DEPLOYMENT);
            assertThat(v.get("linesAdded").asInt()).isEqualTo(3);
            assertThat(client.file(v.get("commit").asString(), ORDER_PATH))
                    .contains("throw new IllegalArgumentException(\"an order needs a customer\");");
            assertUsage(v.get("usage"), 1, 1500, 250, "0.005");
        }
        assertUsage(view.get("usage"), 2, 3000, 500, "0.01");
        azure.verify(2, postRequestedFor(urlPathEqualTo(ROUTE)).withHeader("api-key", equalTo(API_KEY)));

        String reply = client.lastReply(job);
        assertThat(reply).contains("| Variant | Approach | Files | +/− lines | Pull request | Status | Build | Tests "
                + "| Repairs | Rank | Duration | Tokens | Cost |");
        assertThat(reply.lines().filter(l -> l.startsWith("| 1 |") || l.startsWith("| 2 |")))
                .hasSize(2).allSatisfy(row -> assertThat(row).contains("✅ succeeded").endsWith("| 1.8k | $0.005 |"));
        assertThat(reply).contains("Model usage: 3.5k tokens (3.0k in, 500 out), cost $0.010.");

        assertThat(client.metric(ServiceStack.LLM_PATCH, "codeagent_model_tokens_total", input).subtract(inputBefore))
                .isEqualByComparingTo("3000");
        assertThat(client.metric(ServiceStack.LLM_PATCH, "codeagent_model_tokens_total", output)
                .subtract(outputBefore)).isEqualByComparingTo("500");
        assertThat(client.metric(ServiceStack.LLM_PATCH, "codeagent_model_cost_total", model).subtract(costBefore))
                .isEqualByComparingTo("0.01");
    }

    @Test
    @Order(2)
    void perJobTokenBudgetStopsTheSecondVariantWithTheReply() throws IOException {
        StackClient.Job job = client.comment(pr, INTENT + ", " + BUDGET_MARKER, 2);
        JsonNode view = client.awaitFinished(job, Duration.ofSeconds(90));

        JsonNode first = view.get("variants").get(0);
        JsonNode second = view.get("variants").get(1);
        assertThat(first.get("state").asString()).as("%s", view).isEqualTo("succeeded");
        assertUsage(first.get("usage"), 1, 17_000, 250, "0.036");
        String reason = "budget reached: per-job tokens (17250 of " + BUDGET_TOKENS + " tokens";
        assertThat(second.get("state").asString()).as("%s", view).isEqualTo("failed");
        assertThat(second.get("error").asString()).contains(reason).contains("the next call of azure-openai could use");
        assertThat(view.get("outcome").asString()).isEqualTo("partial_success");
        // The refused call was never made: one request for this job, the first variant's.
        azure.verify(1, postRequestedFor(urlPathEqualTo(ROUTE)).withRequestBody(containing(BUDGET_MARKER)));

        String reply = client.lastReply(job);
        assertThat(reply.lines().filter(l -> l.startsWith("| 2 |")).findFirst().orElseThrow())
                .contains("❌ failed: ").contains(reason);
    }

    @Test
    @Order(3)
    void providerPolicyKeepsTheProjectOnOllamaWhileOllamaIsDown() throws IOException {
        // Local repositories all belong to project "local"; the policy allows it only the (unreachable) Ollama.
        stack.restart(ServiceStack.LLM_PATCH, Map.of(
                "CODEAGENT_LLM_PROVIDERS", "azure-openai,ollama",
                "CODEAGENT_OLLAMA_URL", "http://127.0.0.1:" + ServiceStack.freePort(),
                "CODEAGENT_PROVIDER_POLICY", "local=ollama"));
        azure.resetRequests();

        StackClient.Job job = client.comment(pr, INTENT + ", on the local model only", 1);
        JsonNode view = client.awaitFinished(job, Duration.ofSeconds(90));

        JsonNode variant = view.get("variants").get(0);
        String reason = "provider policy for project local allows only ollama; ollama: unavailable";
        assertThat(variant.get("state").asString()).as("%s", view).isEqualTo("failed");
        assertThat(variant.get("error").asString()).contains(reason);
        assertThat(view.get("outcome").asString()).isEqualTo("failed");
        azure.verify(0, anyRequestedFor(anyUrl()));
        assertThat(client.lastReply(job)).contains(reason);
    }

    private static void assertUsage(JsonNode usage, int calls, long input, long output, String cost) {
        assertThat(usage.get("calls").asInt()).as("%s", usage).isEqualTo(calls);
        assertThat(usage.get("inputTokens").asLong()).as("%s", usage).isEqualTo(input);
        assertThat(usage.get("outputTokens").asLong()).as("%s", usage).isEqualTo(output);
        assertThat(usage.get("costUsd").decimalValue()).as("%s", usage).isEqualByComparingTo(cost);
    }
}
