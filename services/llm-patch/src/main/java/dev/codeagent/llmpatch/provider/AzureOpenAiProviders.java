package dev.codeagent.llmpatch.provider;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.credential.BearerTokenCredential;
import com.openai.credential.Credential;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Azure OpenAI through Spring AI's OpenAI model in its Microsoft Foundry mode, which calls the documented
 * deployment route {@code POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...}
 * with either the resource key in an {@code api-key} header or a Microsoft Entra ID bearer token.
 * {@link ProviderSettings#baseUrl()} is the resource endpoint and {@link ProviderSettings#model()} the deployment.
 */
public final class AzureOpenAiProviders {

    public static final String NAME = "azure-openai";

    private AzureOpenAiProviders() {
    }

    public static SpringAiProvider withApiKey(ProviderSettings s, String apiVersion, String apiKey) {
        return create(s, apiVersion, options(s, apiVersion).apiKey(apiKey).build());
    }

    /** {@code bearerTokens} is asked before every request; it caches the token itself ({@link EntraTokens}). */
    public static SpringAiProvider withEntraId(ProviderSettings s, String apiVersion, Supplier<String> bearerTokens) {
        Credential credential = BearerTokenCredential.create(bearerTokens);
        return create(s, apiVersion, options(s, apiVersion).credential(credential).build());
    }

    private static OpenAiChatOptions.Builder options(ProviderSettings s, String apiVersion) {
        return SpringAiProviders.limits(OpenAiChatOptions.builder(), s)
                .baseUrl(s.baseUrl())
                .microsoftFoundry(true)
                .deploymentName(s.model())
                .microsoftFoundryServiceVersion(AzureOpenAIServiceVersion.fromString(apiVersion))
                .timeout(s.timeout())
                .maxRetries(0);
    }

    private static SpringAiProvider create(ProviderSettings s, String apiVersion, OpenAiChatOptions defaults) {
        return new SpringAiProvider(s,
                OpenAiChatModel.builder().options(defaults).observationRegistry(ObservationRegistry.NOOP).build(),
                defaults);
    }
}
