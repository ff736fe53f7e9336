package dev.codeagent.llmpatch.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.prompt.VariantStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider chain against WireMock fakes of the three model APIs, in their documented shapes:
 * Ollama {@code POST /api/show} and {@code POST /api/chat}, Anthropic {@code POST /v1/messages}, OpenAI
 * {@code POST /v1/chat/completions}.
 */
public class ProviderChainIT {

    static WireMockServer ollama;
    static WireMockServer anthropic;
    static WireMockServer openai;

    @BeforeAll
    static void start() {
        ollama = new WireMockServer(wireMockConfig().dynamicPort());
        anthropic = new WireMockServer(wireMockConfig().dynamicPort());
        openai = new WireMockServer(wireMockConfig().dynamicPort());
        ollama.start();
        anthropic.start();
        openai.start();
    }

    @AfterAll
    static void stop() {
        ollama.stop();
        anthropic.stop();
        openai.stop();
    }

    @BeforeEach
    void reset() {
        ollama.resetAll();
        anthropic.resetAll();
        openai.resetAll();
    }

    public static String ollamaBody(String text) {
        return """
                {"model":"qwen2.5-coder:7b","created_at":"2026-01-01T00:00:00Z",
                 "message":{"role":"assistant","content":%s},"done":true,"done_reason":"stop",
                 "total_duration":1000,"prompt_eval_count":42,"eval_count":7}""".formatted(json(text));
    }

    /** Ollama's /api/show answer for a model of {@code architecture} with a context length of {@code length}. */
    public static String ollamaShowBody(String architecture, long length) {
        return """
                {"license":"Apache License 2.0","modelfile":"FROM qwen","parameters":"stop \\"<|im_end|>\\"",
                 "template":"{{ .Prompt }}","details":{"parent_model":"","format":"gguf","family":"%1$s",
                 "families":["%1$s"],"parameter_size":"7.6B","quantization_level":"Q4_K_M"},
                 "model_info":{"general.architecture":"%1$s","general.parameter_count":7615616512,
                 "%1$s.attention.head_count":28,"%1$s.block_count":28,"%1$s.context_length":%2$d,
                 "%1$s.embedding_length":3584},"capabilities":["completion"],
                 "modified_at":"2026-01-01T00:00:00Z"}""".formatted(architecture, length);
    }

    private void ollamaShows(String architecture, long length) {
        ollama.stubFor(post("/api/show").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ollamaShowBody(architecture, length))));
    }

    static String anthropicBody(String text) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":50,"output_tokens":9}}""".formatted(json(text));
    }

    public static String openAiBody(String text) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-4.1",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":60,"completion_tokens":11,"total_tokens":71}}""".formatted(json(text));
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static ProviderSlot slot(int order, ModelProvider p) {
        return new ProviderSlot(order, p.settings().name(), p, p.settings().model(), p.settings().baseUrl(), null,
                new ProviderCounters());
    }

    private ModelProvider ollamaProvider(int numCtx, Duration timeout) {
        return SpringAiProviders.ollama(new ProviderSettings("ollama", "qwen2.5-coder:7b", ollama.baseUrl(), numCtx,
                512, timeout, 0.2, 1.0, false));
    }

    private ModelProvider anthropicProvider() {
        return SpringAiProviders.anthropic(new ProviderSettings("anthropic", "claude-sonnet-4-5", anthropic.baseUrl(),
                200_000, 1024, Duration.ofSeconds(30), 0.2, 1.0, false), "test-anthropic-key");
    }

    private ModelProvider openAiProvider() {
        return SpringAiProviders.openAi(new ProviderSettings("openai", "gpt-4.1", openai.baseUrl() + "/v1",
                128_000, 1024, Duration.ofSeconds(30), 0.2, 1.2, false), "test-openai-key");
    }

    private ProviderChain chain(ModelProvider... providers) {
        List<ProviderSlot> slots = new ArrayList<>();
        for (int i = 0; i < providers.length; i++) {
            slots.add(slot(i + 1, providers[i]));
        }
        return new ProviderChain(slots, 2, Duration.ofSeconds(2));
    }

    private static ModelRequest request(String prompt) {
        return new ModelRequest(List.of(ModelMessage.system("You edit code."), ModelMessage.user(prompt)), 2,
                VariantStrategy.IDIOMATIC, "Add input validation to the login handler",
                List.of(new SourceFile("src/Login.java", "class Login {}\n")), TokenEstimator.estimate(prompt) + 5);
    }

    @Test
    void aProviderSwitchedOffInTheConfigurationIsNoFallbackOfTheAnswerButIsNamedWhenAllFail() {
        ollamaShows("qwen2", 32_768);
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ollamaBody("src/Login.java\n<<<<<<< SEARCH\n=======\n>>>>>>> REPLACE"))));
        ProviderSlot off = new ProviderSlot(1, "anthropic", null, null, null, "CODEAGENT_ANTHROPIC_API_KEY is not set",
                new ProviderCounters());
        try (ProviderChain chain = new ProviderChain(List.of(off, slot(2, ollamaProvider(8192, Duration.ofSeconds(30)))),
                2, Duration.ofSeconds(2))) {
            assertThat(chain.complete(request("Add validation"), 0).earlierFailures()).isEmpty();
        }
        try (ProviderChain chain = new ProviderChain(List.of(off), 2, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> chain.complete(request("Add validation"), 0))
                    .isInstanceOf(AllProvidersFailedException.class)
                    .hasMessageContaining("anthropic: skipped (CODEAGENT_ANTHROPIC_API_KEY is not set)");
        }
    }

    @Test
    void ollamaAnswersWithNumCtxAndModelSetExplicitly() {
        ollamaShows("qwen2", 32_768);
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ollamaBody("src/Login.java\n<<<<<<< SEARCH\n=======\n>>>>>>> REPLACE"))));
        try (ProviderChain chain = chain(ollamaProvider(8192, Duration.ofSeconds(30)), anthropicProvider())) {
            ChainReply reply = chain.complete(request("Add validation"), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("ollama");
            assertThat(reply.reply().text()).contains("<<<<<<< SEARCH");
            assertThat(reply.reply().promptTokens()).isEqualTo(42);
            assertThat(reply.reply().completionTokens()).isEqualTo(7);
            assertThat(reply.earlierFailures()).isEmpty();
        }
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5-coder:7b")))
                .withRequestBody(matchingJsonPath("$.options.num_ctx", equalTo("8192")))
                .withRequestBody(matchingJsonPath("$.options.num_predict", equalTo("512")))
                .withRequestBody(matchingJsonPath("$.options.temperature", equalTo("0.3")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("false"))));
        assertThat(anthropic.getAllServeEvents()).isEmpty();
    }

    @Test
    void ollamaWindowIsTheModelsOwnContextLengthLearntOnce() {
        ollamaShows("llama", 4096);
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ollamaBody("Summary: small window"))));
        try (ProviderChain chain = chain(ollamaProvider(16_384, Duration.ofSeconds(30)))) {
            ChainReply first = chain.complete(request("Add validation"), 0);
            chain.complete(request("Add validation"), 0);
            assertThat(first.window()).isEqualTo(new ContextWindow(4096, 512, null));
        }
        ollama.verify(1, postRequestedFor(urlEqualTo("/api/show"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5-coder:7b"))));
        ollama.verify(2, postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.options.num_ctx", equalTo("4096"))));
    }

    @Test
    void ollamaWithoutAKnownContextLengthAssumes4096AndSaysSo() {
        ollama.stubFor(post("/api/show").willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":\"unable to load model\"}")));
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ollamaBody("Summary: guessed window"))));
        try (ProviderChain chain = chain(ollamaProvider(16_384, Duration.ofSeconds(30)))) {
            ChainReply reply = chain.complete(request("Add validation"), 0);
            assertThat(reply.window().tokens()).isEqualTo(4096);
            assertThat(reply.window().note()).isEqualTo("the context length of Ollama model qwen2.5-coder:7b could "
                    + "not be learnt from /api/show (unavailable (HTTP 500): {\"error\":\"unable to load model\"}); "
                    + "assumed 4096 tokens");
            chain.complete(request("Add validation"), 0);
        }
        ollama.verify(2, postRequestedFor(urlEqualTo("/api/show")));
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.options.num_ctx", equalTo("4096"))));
    }

    @Test
    void aPromptTooLargeForOllamaIsRebuiltByTheFitterAndTheSmallerOneIsSent() {
        ollamaShows("llama", 4096);
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ollamaBody("Summary: fitted"))));
        String big = "x".repeat(20_000);
        ModelRequest small = request("Add validation");
        ModelRequest large = request(big);
        PromptFitter.Fitted fitted = new PromptFitter.Fitted(small, java.util.Map.of("src/Big.java", "about 6700 tokens"),
                List.of());
        List<Long> budgets = new ArrayList<>();
        ModelRequest fitting = new ModelRequest(large.messages(), large.k(), large.strategy(), large.intent(),
                large.files(), large.estimatedPromptTokens(), budget -> {
                    budgets.add(budget);
                    return java.util.Optional.of(fitted);
                }, null);
        try (ProviderChain chain = chain(ollamaProvider(16_384, Duration.ofSeconds(30)), anthropicProvider())) {
            ChainReply reply = chain.complete(fitting, 0);
            assertThat(reply.provider().settings().name()).isEqualTo("ollama");
            assertThat(reply.shrunk()).isSameAs(fitted);
            assertThat(reply.earlierFailures()).isEmpty();
        }
        assertThat(budgets).containsExactly(4096L - 512);
        ollama.verify(postRequestedFor(urlEqualTo("/api/chat")).withRequestBody(containing("Add validation")));
        assertThat(ollama.findAll(postRequestedFor(urlEqualTo("/api/chat"))).get(0).getBodyAsString())
                .doesNotContain("xxxxxxxxxx");
        assertThat(anthropic.getAllServeEvents()).isEmpty();
    }

    @Test
    void serverErrorFallsBackToAnthropic() {
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withStatus(500).withBody("{\"error\":\"model crashed\"}")));
        anthropic.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(anthropicBody("Summary: done"))));
        try (ProviderChain chain = chain(ollamaProvider(8192, Duration.ofSeconds(30)), anthropicProvider())) {
            ChainReply reply = chain.complete(request("Add validation"), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("anthropic");
            assertThat(reply.reply().text()).isEqualTo("Summary: done");
            assertThat(reply.reply().promptTokens()).isEqualTo(50);
            assertThat(reply.earlierFailures()).singleElement().asString().contains("ollama").contains("500");
            assertThat(chain.slots().get(0).counters().fallbacks()).isEqualTo(1);
            assertThat(chain.slots().get(0).counters().lastError()).contains("model crashed");
        }
        anthropic.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo("test-anthropic-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5"))));
    }

    @Test
    void timeoutFallsBackToOpenAi() {
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody(ollamaBody("late"))));
        openai.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(openAiBody("from openai"))));
        try (ProviderChain chain = chain(ollamaProvider(8192, Duration.ofMillis(400)), openAiProvider())) {
            ChainReply reply = chain.complete(request("Add validation"), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("openai");
            assertThat(reply.reply().text()).isEqualTo("from openai");
            assertThat(reply.reply().completionTokens()).isEqualTo(11);
            assertThat(reply.earlierFailures()).singleElement().asString().startsWith("ollama: timeout");
        }
        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-openai-key"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1"))));
    }

    @Test
    void rateLimitWithShortRetryAfterIsRetriedOnTheSameProvider() {
        anthropic.stubFor(post("/v1/messages").inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"))
                .willSetStateTo("ok"));
        anthropic.stubFor(post("/v1/messages").inScenario("rl").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(anthropicBody("second try"))));
        try (ProviderChain chain = chain(anthropicProvider(), openAiProvider())) {
            ChainReply reply = chain.complete(request("Add validation"), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("anthropic");
            assertThat(reply.reply().text()).isEqualTo("second try");
            assertThat(chain.slots().get(0).counters().requests()).isEqualTo(2);
        }
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    @Test
    void rateLimitWithLongRetryAfterFallsBack() {
        openai.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));
        try (ProviderChain chain = chain(openAiProvider(), new OfflineProvider())) {
            ChainReply reply = chain.complete(request("Add validation"), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("offline");
            assertThat(reply.earlierFailures()).singleElement().asString().contains("rate-limited").contains("429");
        }
        assertThat(openai.getAllServeEvents()).hasSize(1);
    }

    @Test
    void promptTooLargeForOllamaContextIsNeverSentAndFallsBack() {
        ollamaShows("qwen2", 32_768);
        anthropic.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(anthropicBody("fits"))));
        String big = "x".repeat(20_000);
        try (ProviderChain chain = chain(ollamaProvider(2048, Duration.ofSeconds(5)), anthropicProvider())) {
            ChainReply reply = chain.complete(request(big), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("anthropic");
            assertThat(reply.earlierFailures()).singleElement().asString().contains("context-too-large")
                    .contains("does not fit the context window (2048 tokens, 512 kept for the answer)");
        }
        assertThat(ollama.findAll(postRequestedFor(urlEqualTo("/api/chat")))).isEmpty();
    }

    @Test
    void contextLengthRefusalFromOpenAiFallsBack() {
        openai.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}")));
        try (ProviderChain chain = chain(openAiProvider(), new OfflineProvider())) {
            ChainReply reply = chain.complete(request("Add validation"), 0);
            assertThat(reply.provider().offline()).isTrue();
            assertThat(reply.earlierFailures()).singleElement().asString().startsWith("openai: context-too-large");
        }
    }

    @Test
    void everyProviderFailingGivesOneClearErrorNamingEach() {
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withStatus(503).withBody("loading")));
        anthropic.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")));
        openai.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}")));
        try (ProviderChain chain = chain(ollamaProvider(8192, Duration.ofSeconds(30)), anthropicProvider(), openAiProvider())) {
            assertThatThrownBy(() -> chain.complete(request("Add validation"), 0))
                    .isInstanceOfSatisfying(AllProvidersFailedException.class, e -> {
                        assertThat(e.failures()).hasSize(3);
                        assertThat(e.failures().get(0)).startsWith("ollama: unavailable (HTTP 503)");
                        assertThat(e.failures().get(1)).startsWith("anthropic: auth (HTTP 401)");
                        assertThat(e.failures().get(2)).startsWith("openai: unavailable (HTTP 500)");
                    });
        }
    }

    @Test
    void offlineProviderIsLabelledAndDeterministic() {
        try (ProviderChain chain = chain(new OfflineProvider())) {
            ChainReply first = chain.complete(request("Add validation"), 0);
            ChainReply second = chain.complete(request("Add validation"), 0);
            assertThat(first.provider().offline()).isTrue();
            assertThat(first.provider().settings().name()).isEqualTo("offline");
            assertThat(first.provider().settings().model()).isEqualTo("offline-deterministic");
            assertThat(first.reply().text()).contains("Offline provider").contains("<<<<<<< SEARCH")
                    .isEqualTo(second.reply().text());
        }
    }
}
