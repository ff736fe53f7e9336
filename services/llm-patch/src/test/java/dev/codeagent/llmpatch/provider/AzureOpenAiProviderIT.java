package dev.codeagent.llmpatch.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.prompt.VariantStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Azure OpenAI in the chain against a WireMock fake of its documented data-plane route
 * ({@code POST /openai/deployments/{deployment}/chat/completions?api-version=...}), with OpenAI as the next
 * provider: key and Entra ID authentication, usage, Azure's millisecond Retry-After headers, and content-filter
 * refusals that end the chain.
 */
class AzureOpenAiProviderIT {

    static final String DEPLOYMENT = "gpt-4o-prod";
    static final String API_VERSION = "2024-10-21";
    static final String PATH = "/openai/deployments/" + DEPLOYMENT + "/chat/completions?api-version=" + API_VERSION;

    static WireMockServer azure;
    static WireMockServer openai;

    @BeforeAll
    static void start() {
        azure = new WireMockServer(wireMockConfig().dynamicPort());
        openai = new WireMockServer(wireMockConfig().dynamicPort());
        azure.start();
        openai.start();
    }

    @AfterAll
    static void stop() {
        azure.stop();
        openai.stop();
    }

    @BeforeEach
    void reset() {
        azure.resetAll();
        openai.resetAll();
        openai.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ProviderChainIT.openAiBody("from openai"))));
    }

    static String azureBody(String text, String finishReason) {
        return """
                {"id":"chatcmpl-az","object":"chat.completion","created":1767225600,"model":"gpt-4o-2024-11-20",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"%s",
                 "content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}],
                 "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}],
                 "usage":{"prompt_tokens":321,"completion_tokens":45,"total_tokens":366}}"""
                .formatted(text == null ? "null" : ProviderChainIT.json(text), finishReason);
    }

    static final String CONTENT_FILTER_400 = """
            {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
             "type":null,"param":"prompt","code":"content_filter","status":400,
             "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"jailbreak":{"filtered":true,"detected":true}}}}}""";

    private static ProviderSettings settings() {
        return new ProviderSettings(AzureOpenAiProviders.NAME, DEPLOYMENT, azure.baseUrl(), 128_000, 1024,
                Duration.ofSeconds(30), 0.2, 1.2, false);
    }

    private static ModelProvider withKey() {
        return AzureOpenAiProviders.withApiKey(settings(), API_VERSION, "test-azure-key");
    }

    private static ModelProvider openAi() {
        return SpringAiProviders.openAi(new ProviderSettings("openai", "gpt-4.1", openai.baseUrl() + "/v1",
                128_000, 1024, Duration.ofSeconds(30), 0.2, 1.2, false), "test-openai-key");
    }

    private static ProviderChain chain(ModelProvider... providers) {
        List<ProviderSlot> slots = new java.util.ArrayList<>();
        for (int i = 0; i < providers.length; i++) {
            ModelProvider p = providers[i];
            slots.add(new ProviderSlot(i + 1, p.settings().name(), p, p.settings().model(), p.settings().baseUrl(),
                    null, new ProviderCounters()));
        }
        return new ProviderChain(slots, 2, Duration.ofSeconds(2));
    }

    private static ModelRequest request() {
        return new ModelRequest(List.of(ModelMessage.system("You edit code."), ModelMessage.user("Add validation")), 1,
                VariantStrategy.MINIMAL, "Add validation", List.of(new SourceFile("src/Login.java", "class Login {}\n")),
                100);
    }

    @Test
    void apiKeyGoesInTheApiKeyHeaderToTheDeploymentRouteAndUsageIsRead() {
        azure.stubFor(post(urlPathEqualTo("/openai/deployments/" + DEPLOYMENT + "/chat/completions"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(azureBody("done", "stop"))));
        try (ProviderChain chain = chain(withKey(), openAi())) {
            ChainReply reply = chain.complete(request(), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("azure-openai");
            assertThat(reply.provider().settings().model()).isEqualTo(DEPLOYMENT);
            assertThat(reply.reply().text()).isEqualTo("done");
            assertThat(reply.reply().promptTokens()).isEqualTo(321);
            assertThat(reply.reply().completionTokens()).isEqualTo(45);
        }
        azure.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("api-key", equalTo("test-azure-key"))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("Add validation")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("1024"))));
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    @Test
    void entraIdSendsACachedBearerTokenForTheCognitiveServicesScope() {
        azure.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(azureBody("done", "stop"))));
        AtomicInteger issued = new AtomicInteger();
        List<String> scopes = new java.util.concurrent.CopyOnWriteArrayList<>();
        TokenCredential credential = context -> {
            scopes.addAll(context.getScopes());
            return Mono.just(new AccessToken("entra-token-" + issued.incrementAndGet(), OffsetDateTime.now().plusHours(1)));
        };
        Supplier<String> tokens = new EntraTokens(credential, Duration.ofMinutes(5), Clock.systemUTC());
        try (ProviderChain chain = chain(AzureOpenAiProviders.withEntraId(settings(), API_VERSION, tokens), openAi())) {
            chain.complete(request(), 0);
            chain.complete(request(), 0);
        }
        azure.verify(2, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer entra-token-1"))
                .withHeader("api-key", absent()));
        assertThat(issued).hasValue(1);
        assertThat(scopes).containsOnly("https://cognitiveservices.azure.com/.default");
    }

    @Test
    void noEntraTokenIsAnAuthFailureThatFallsBack() {
        TokenCredential credential = context -> Mono.error(
                new IllegalStateException("EnvironmentCredential authentication unavailable.\nmore detail"));
        Supplier<String> tokens = new EntraTokens(credential, Duration.ofMinutes(5), Clock.systemUTC());
        try (ProviderChain chain = chain(AzureOpenAiProviders.withEntraId(settings(), API_VERSION, tokens), openAi())) {
            ChainReply reply = chain.complete(request(), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("openai");
            assertThat(reply.earlierFailures()).singleElement().asString()
                    .startsWith("azure-openai: auth: no Microsoft Entra ID token for https://cognitiveservices.azure.com/.default")
                    .contains("EnvironmentCredential authentication unavailable.").doesNotContain("more detail");
        }
        assertThat(azure.getAllServeEvents()).isEmpty();
    }

    @Test
    void rateLimitWithShortRetryAfterMsIsWaitedForOnAzure() {
        azure.stubFor(post(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "400").withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation"
                                + " have exceeded call rate limit.\"}}"))
                .willSetStateTo("ok"));
        azure.stubFor(post(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(azureBody("done", "stop"))));
        long start = System.nanoTime();
        try (ProviderChain chain = chain(withKey(), openAi())) {
            ChainReply reply = chain.complete(request(), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("azure-openai");
        }
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        // 400 ms from retry-after-ms, not the 1 s of Retry-After and not an immediate retry.
        assertThat(waitedMs).isBetween(400L, 950L);
        azure.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    @Test
    void rateLimitWithLongXMsRetryAfterMsFallsBackToTheNextProvider() {
        azure.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("x-ms-retry-after-ms", "60000").withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"429\",\"message\":\"Rate limit is exceeded.\"}}")));
        try (ProviderChain chain = chain(withKey(), openAi())) {
            ChainReply reply = chain.complete(request(), 0);
            assertThat(reply.provider().settings().name()).isEqualTo("openai");
            assertThat(reply.reply().text()).isEqualTo("from openai");
            assertThat(reply.earlierFailures()).singleElement().asString().startsWith("azure-openai: rate-limited (HTTP 429)");
            assertThat(chain.slots().get(0).counters().fallbacks()).isEqualTo(1);
        }
        azure.verify(1, postRequestedFor(urlEqualTo(PATH)));
        openai.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void serverErrorFallsBackToTheNextProvider() {
        azure.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"busy\"}}")));
        try (ProviderChain chain = chain(withKey(), openAi())) {
            assertThat(chain.complete(request(), 0).provider().settings().name()).isEqualTo("openai");
        }
    }

    @Test
    void contentFilterRefusalEndsTheChainWithoutAskingTheNextProvider() {
        azure.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(CONTENT_FILTER_400)));
        try (ProviderChain chain = chain(withKey(), openAi())) {
            assertThatThrownBy(() -> chain.complete(request(), 0))
                    .isInstanceOfSatisfying(ContentFilteredException.class, e -> {
                        assertThat(e.provider()).isEqualTo("azure-openai");
                        assertThat(e.getMessage()).startsWith("azure-openai refused the request with its content filter")
                                .contains("content-filtered (HTTP 400)").contains("content_filter")
                                .endsWith("it was not sent to another provider");
                        assertThat(e.failures()).singleElement().asString().startsWith("azure-openai: content-filtered");
                    });
            assertThat(chain.slots().get(0).counters().fallbacks()).isZero();
        }
        azure.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(openai.getAllServeEvents()).isEmpty();
    }

    @Test
    void completionCutByTheContentFilterEndsTheChainToo() {
        azure.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(azureBody("partial answer", "content_filter"))));
        try (ProviderChain chain = chain(withKey(), openAi())) {
            assertThatThrownBy(() -> chain.complete(request(), 0)).isInstanceOf(ContentFilteredException.class)
                    .hasMessageContaining("finish reason content_filter");
        }
        assertThat(openai.getAllServeEvents()).isEmpty();
    }
}
