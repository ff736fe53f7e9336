package dev.codeagent.llmpatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.provider.ProviderChainIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /api/patches} through a chain of a local Ollama that is down and an Azure OpenAI (WireMock) that is
 * up, with a provider policy that keeps project Payments on Ollama: the project's code never reaches Azure, other
 * projects fall back to it, and an Azure content-filter refusal fails the variant without falling back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codeagent.platform.internal-token=" + Http.TOKEN, "codeagent.llm.profile=production",
                "codeagent.llm.providers=ollama,azure-openai,offline",
                "codeagent.llm.azure-openai.deployment=gpt-4o-prod", "codeagent.llm.azure-openai.api-key=test-key",
                "codeagent.llm.provider-policy=Payments=ollama;Mobile=azure-openai,ollama"})
class LlmPatchProviderPolicyIT {

    static final WireMockServer azure = new WireMockServer(wireMockConfig().dynamicPort());
    static final String ROUTE = "/openai/deployments/gpt-4o-prod/chat/completions";

    static {
        azure.start();
    }

    @DynamicPropertySource
    static void models(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int ollamaPort = closed;
        registry.add("codeagent.llm.ollama.url", () -> "http://127.0.0.1:" + ollamaPort);
        registry.add("codeagent.llm.azure-openai.endpoint", () -> azure.baseUrl() + "/");
    }

    @AfterAll
    static void stop() {
        azure.stop();
    }

    @LocalServerPort
    int port;

    Http http;

    static final String FILE = "def login(user, password):\n    return check(user, password)\n";

    @BeforeEach
    void reset() {
        http = new Http(port);
        azure.resetAll();
        String answer = "app/auth.py\n```python\n<<<<<<< SEARCH\n    return check(user, password)\n=======\n"
                + "    if not user:\n        raise ValueError(\"user\")\n    return check(user, password)\n"
                + ">>>>>>> REPLACE\n```\nSummary: Rejects an empty user.";
        azure.stubFor(post(urlPathEqualTo(ROUTE)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ProviderChainIT.openAiBody(answer))));
    }

    private static PatchRequest request(String project) {
        return new PatchRequest("job-7", "Validate the login input", 1, 1, null,
                List.of(new SourceFile("app/auth.py", FILE)), List.of(), List.of(), project);
    }

    @Test
    void policyKeepsPaymentsOnOllamaEvenWhenOllamaIsDown() throws Exception {
        Http.Response r = http.post("/api/patches", request("payments"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().get("detail").asString())
                .startsWith("provider policy for project Payments allows only ollama; ollama: unavailable")
                .doesNotContain("azure-openai");
        assertThat(azure.getAllServeEvents()).isEmpty();
    }

    @Test
    void allowedProjectFallsBackFromOllamaToAzureWithItsUsage() throws Exception {
        Http.Response r = http.post("/api/patches", request("Mobile"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("provider").asString()).isEqualTo("azure-openai");
        assertThat(r.body().get("model").asString()).isEqualTo("gpt-4o-prod");
        assertThat(r.body().get("tokens").get("prompt").asLong()).isEqualTo(60);
        assertThat(r.body().get("tokens").get("completion").asLong()).isEqualTo(11);
        azure.verify(1, postRequestedFor(urlPathEqualTo(ROUTE)));
    }

    @Test
    void contentFilterRefusalFailsTheVariantAsFinal() throws Exception {
        azure.stubFor(post(urlPathEqualTo(ROUTE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"content_filter\",\"status\":400,\"message\":\"filtered\"}}")));
        Http.Response r = http.post("/api/patches", request(null));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body().get("title").asString()).isEqualTo("Refused by the content filter");
        assertThat(r.body().get("detail").asString()).contains("azure-openai refused the request with its content filter")
                .contains("not sent to another provider");
        assertThat(r.body().get("provider").asString()).isEqualTo("azure-openai");
        azure.verify(1, postRequestedFor(urlPathEqualTo(ROUTE)));
    }

    @Test
    void providersShowWhichProjectsThePolicyKeepsAway() throws Exception {
        Http.Response r = http.get("/api/providers");
        assertThat(r.body().get(0).get("name").asString()).isEqualTo("ollama");
        assertThat(r.body().get(0).get("deniedProjects")).isEmpty();
        assertThat(r.body().get(1).get("name").asString()).isEqualTo("azure-openai");
        assertThat(r.body().get(1).get("enabled").asBoolean()).isTrue();
        assertThat(r.body().get(1).get("baseUrl").asString()).isEqualTo(azure.baseUrl());
        assertThat(r.body().get(1).get("deniedProjects").get(0).asString()).isEqualTo("Payments");
        assertThat(r.body().get(2).get("deniedProjects")).hasSize(2);
    }
}
