package dev.codeagent.llmpatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.SourceFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Usage and cost of {@code POST /api/patches} with Azure OpenAI and OpenAI faked by WireMock, answering with the
 * usage their APIs report: every call (repair rounds and fallbacks included) is listed with its tokens and cost in
 * the response, and counted in {@code /actuator/prometheus}. Azure's deployment is priced, OpenAI's model is not:
 * its cost is unknown, never guessed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codeagent.platform.internal-token=" + Http.TOKEN, "codeagent.llm.profile=production",
                "codeagent.llm.providers=azure-openai,openai,offline",
                "codeagent.llm.azure-openai.deployment=gpt-4o-prod", "codeagent.llm.azure-openai.api-key=test-key",
                "codeagent.llm.openai.api-key=test-key", "codeagent.llm.model-prices=GPT-4o-prod=2.50/10,gpt-4o=9/9"})
class LlmPatchUsageIT {

    static final WireMockServer azure = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer openai = new WireMockServer(wireMockConfig().dynamicPort());
    static final String ROUTE = "/openai/deployments/gpt-4o-prod/chat/completions";
    static final String TOKENS = "codeagent_model_tokens_total{application=\"llm-patch\",";
    static final String COST = "codeagent_model_cost_total{application=\"llm-patch\",";
    static final String FILE = "def login(user, password):\n    return check(user, password)\n";

    static {
        azure.start();
        openai.start();
    }

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) {
        registry.add("codeagent.llm.azure-openai.endpoint", azure::baseUrl);
        registry.add("codeagent.llm.openai.base-url", () -> openai.baseUrl() + "/v1");
    }

    @AfterAll
    static void stop() {
        azure.stop();
        openai.stop();
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void reset() {
        http = new Http(port);
        azure.resetAll();
        openai.resetAll();
    }

    private static String body(String text, long prompt, long completion) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-4o-2024-11-20",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(quoted(text), prompt, completion, prompt + completion);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String answer(String search, String replace) {
        return "app/auth.py\n```python\n<<<<<<< SEARCH\n" + search + "=======\n" + replace
                + ">>>>>>> REPLACE\n```\nSummary: Asserts a user.";
    }

    private static PatchRequest request() {
        return new PatchRequest("job-5", "Validate the login input", 1, 1, null,
                List.of(new SourceFile("app/auth.py", FILE)), List.of(), List.of());
    }

    @Test
    void eachRoundIsACallWithItsTokensAndCostInTheResponseAndInPrometheus() throws Exception {
        azure.stubFor(post(urlPathEqualTo(ROUTE)).inScenario("rounds").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(body(answer("def login(name, pwd):\n", "def login(name, pwd):\n    pass\n"), 1200, 300)))
                .willSetStateTo("repair"));
        azure.stubFor(post(urlPathEqualTo(ROUTE)).inScenario("rounds").whenScenarioStateIs("repair")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(body(answer("def login(user, password):\n",
                                "def login(user, password):\n    assert user\n"), 1500, 80))));
        Http.Response r = http.post("/api/patches", request());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode calls = r.body().get("calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("provider").asString()).isEqualTo("azure-openai");
        assertThat(calls.get(0).get("model").asString()).isEqualTo("gpt-4o-prod");
        assertThat(calls.get(0).get("inputTokens").asLong()).isEqualTo(1200);
        assertThat(calls.get(0).get("outputTokens").asLong()).isEqualTo(300);
        assertThat(calls.get(0).get("latencyMs").asLong()).isNotNegative();
        // (1200 × 2.50 + 300 × 10) / 1e6 and (1500 × 2.50 + 80 × 10) / 1e6
        assertThat(calls.get(0).get("costUsd").decimalValue()).isEqualByComparingTo("0.006");
        assertThat(calls.get(1).get("inputTokens").asLong()).isEqualTo(1500);
        assertThat(calls.get(1).get("costUsd").decimalValue()).isEqualByComparingTo("0.00455");
        assertThat(r.body().get("tokens").get("prompt").asLong()).isEqualTo(2700);

        String metrics = prometheus();
        assertThat(sample(metrics, TOKENS + "direction=\"input\",model=\"gpt-4o-prod\","
                + "provider=\"azure-openai\"}")).isEqualTo(2700);
        assertThat(sample(metrics, TOKENS + "direction=\"output\",model=\"gpt-4o-prod\","
                + "provider=\"azure-openai\"}")).isEqualTo(380);
        assertThat(sample(metrics, COST + "model=\"gpt-4o-prod\",provider=\"azure-openai\"}"))
                .isCloseTo(0.01055, within(1e-12));
    }

    @Test
    void aFallbackCallOfAnUnpricedModelHasItsTokensButAnUnknownCost() throws Exception {
        azure.stubFor(post(urlPathEqualTo(ROUTE)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"boom\"}}")));
        openai.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(body(answer("def login(user, password):\n", "def login(user, password):\n    assert user\n"),
                        900, 40))));
        Http.Response r = http.post("/api/patches", request());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode calls = r.body().get("calls");
        assertThat(calls).as("the failed Azure call reported no usage").hasSize(1);
        assertThat(calls.get(0).get("provider").asString()).isEqualTo("openai");
        assertThat(calls.get(0).get("model").asString()).isEqualTo("gpt-4.1");
        assertThat(calls.get(0).get("inputTokens").asLong()).isEqualTo(900);
        assertThat(calls.get(0).get("costUsd").isNull()).isTrue();

        String metrics = prometheus();
        assertThat(sample(metrics, TOKENS + "direction=\"input\",model=\"gpt-4.1\","
                + "provider=\"openai\"}")).isEqualTo(900);
        assertThat(metrics.lines().filter(l -> l.startsWith(COST + "model=\"gpt-4.1\"")))
                .as("an unpriced model has no cost series").isEmpty();
    }

    private String prometheus() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static double sample(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError(series + " not in:\n" + metrics));
    }
}
