package dev.codeagent.adapter;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test of the adapter (Spring caches it across classes):
 * the local provider over a fresh folder under {@code target/}, and the azure-devops provider pointed at a
 * WireMock fake with a PAT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AdapterIntegrationTestSupport {

    public static final String TOKEN = "api-it-token-0123456789abcdef";
    public static final String PAT = "it-pat-SECRET-abcdefghijklmnop";
    public static final Path ROOT = createRoot();

    /**
     * Started once for the whole JVM, not per class: the cached context keeps pointing at its port. The
     * JVM's exit stops it.
     */
    protected static final WireMockServer ado = startAzureDevOpsFake();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("codeagent.platform.internal-token", () -> TOKEN);
        registry.add("codeagent.local.root", ROOT::toString);
        registry.add("codeagent.adapter.public-url", () -> "http://adapter.example");
        registry.add("codeagent.ado.base-url", () -> "http://localhost:" + ado.port());
        registry.add("codeagent.ado.pat", () -> PAT);
        registry.add("codeagent.ado.max-retry-wait", () -> "1s");
        registry.add("codeagent.ado.retry-backoff", () -> "10ms");
        // As the variables would be set, to bind them through application.yml (backslashes, commas, spaces).
        registry.add("CODEAGENT_TRIGGER_GROUPS", () -> "[contoso]\\Release Managers, [contoso]\\Payments Leads");
        registry.add("CODEAGENT_TRIGGER_USERS", () -> "ops@contoso.com");
    }

    private static WireMockServer startAzureDevOpsFake() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    private static Path createRoot() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "adapter-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
