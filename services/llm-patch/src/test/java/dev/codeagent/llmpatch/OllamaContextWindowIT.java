package dev.codeagent.llmpatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.provider.ProviderChainIT;
import dev.codeagent.llmpatch.provider.TokenEstimator;
import java.util.ArrayList;
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
 * {@code POST /api/patches} through a fake Ollama serving a model with a 4,096-token context and a repository whose
 * context would need about 20,000 tokens: the prompt sent fits the window it declares as {@code num_ctx}, no file
 * is cut, and the variant's notes name every file left out; a single file larger than the window skips Ollama for
 * the next provider, with the reason in the notes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codeagent.platform.internal-token=" + Http.TOKEN, "codeagent.llm.providers=ollama,offline",
                "codeagent.llm.offline-enabled=true", "codeagent.llm.ollama.timeout=30s"})
class OllamaContextWindowIT {

    static final WireMockServer ollama = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        ollama.start();
    }

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("codeagent.llm.ollama.url", ollama::baseUrl);
    }

    @AfterAll
    static void stop() {
        ollama.stop();
    }

    @LocalServerPort
    int port;

    Http http;

    static final String AUTH = "def login(user, password):\n    return check(user, password)\n";

    @BeforeEach
    void reset() {
        http = new Http(port);
        ollama.resetAll();
        ollama.stubFor(post("/api/show").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ProviderChainIT.ollamaShowBody("llama", 4096))));
        ollama.stubFor(post("/api/chat").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ProviderChainIT.ollamaBody("app/auth.py\n```python\n<<<<<<< SEARCH\n"
                        + "def login(user, password):\n=======\ndef login(user, password):\n    assert user\n"
                        + ">>>>>>> REPLACE\n```\nSummary: Asserts a user."))));
    }

    /** A module of about {@code chars} characters, unique per {@code n}. */
    private static String module(int n, int chars) {
        StringBuilder sb = new StringBuilder();
        for (int line = 0; sb.length() < chars; line++) {
            sb.append("def helper_").append(n).append('_').append(line).append("(value):\n    return value * ")
                    .append(line).append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void aRepositoryNeeding20kTokensIsShrunkToTheModelsWindowAndTheVariantSaysWhatWasLeftOut() throws Exception {
        List<SourceFile> files = new ArrayList<>(List.of(new SourceFile("app/auth.py", AUTH)));
        List<TreeEntry> tree = new ArrayList<>(List.of(new TreeEntry("app/auth.py", AUTH.length())));
        for (int n = 1; n <= 10; n++) {
            String content = module(n, 6000);
            files.add(new SourceFile("app/helpers_" + n + ".py", content));
            tree.add(new TreeEntry("app/helpers_" + n + ".py", content.length()));
        }
        long needed = files.stream().mapToLong(f -> TokenEstimator.estimate(f.content())).sum();
        assertThat(needed).as("the context would need about 20k tokens").isBetween(19_000L, 22_000L);

        Http.Response r = http.post("/api/patches", new PatchRequest("job-ctx", "Validate the login input in app/auth.py",
                1, 1, null, files, List.of("app/auth.py"), tree));

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("provider").asString()).isEqualTo("ollama");
        List<LoggedRequest> chats = ollama.findAll(postRequestedFor(urlEqualTo("/api/chat")));
        assertThat(chats).hasSize(1);
        JsonNode sent = http.json().readTree(chats.get(0).getBodyAsString());
        assertThat(sent.get("options").get("num_ctx").asInt()).isEqualTo(4096);
        assertThat(sent.get("options").get("num_predict").asInt()).isEqualTo(1024);
        long promptTokens = 0;
        StringBuilder prompt = new StringBuilder();
        for (JsonNode m : sent.get("messages")) {
            promptTokens += TokenEstimator.estimate(m.get("content").asString());
            prompt.append(m.get("content").asString());
        }
        assertThat(promptTokens).as("prompt plus answer fit num_ctx").isLessThanOrEqualTo(4096 - 1024);
        assertThat(prompt).contains(AUTH).contains(module(1, 6000)).doesNotContain("helper_2_0")
                .doesNotContain("Repository files:");

        List<String> notes = new ArrayList<>();
        r.body().get("notes").forEach(n -> notes.add(n.asString()));
        String why = " — left out to fit the context window of ollama (4096 tokens, 1024 kept for the answer), about ";
        assertThat(notes).hasSize(10);
        for (int n = 2; n <= 10; n++) {
            assertThat(notes.get(n - 2)).startsWith("Not shown to the model: app/helpers_" + n + ".py" + why)
                    .endsWith(" tokens");
        }
        assertThat(notes.get(9)).isEqualTo("Not in the prompt: the repository's file list (11 paths)"
                + " — left out to fit the context window of ollama (4096 tokens, 1024 kept for the answer)");
        assertThat(r.body().get("summary").asString()).startsWith("Minimal change variant: app/helpers_2.py, "
                + "app/helpers_3.py, app/helpers_4.py and 6 more left out of the prompt (too large for the model's "
                + "context window).");
    }

    @Test
    void aFileLargerThanTheWholeWindowSkipsOllamaForTheNextProviderWithTheReason() throws Exception {
        Http.Response r = http.post("/api/patches", new PatchRequest("job-big", "Validate the login input", 1, 1, null,
                List.of(new SourceFile("app/auth.py", AUTH + module(0, 12_000))), List.of("app/auth.py"), List.of()));

        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("provider").asString()).isEqualTo("offline");
        assertThat(ollama.findAll(postRequestedFor(urlEqualTo("/api/chat")))).isEmpty();
        assertThat(r.body().get("notes")).singleElement().extracting(JsonNode::asString).asString()
                .startsWith("Fell back from ollama: context-too-large: prompt of about ")
                .endsWith("tokens does not fit the context window (4096 tokens, 1024 kept for the answer), not even "
                        + "with the least context");
    }
}
