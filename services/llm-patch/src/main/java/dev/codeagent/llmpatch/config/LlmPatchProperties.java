package dev.codeagent.llmpatch.config;

import dev.codeagent.llmpatch.engine.PathPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everything llm-patch reads, bound from {@code CODEAGENT_*} variables in application.yml. Spring AI's own
 * {@code spring.ai.*} properties are not used: the chat models are built from these values only.
 *
 * @param profile  {@code production} switches the offline provider off unless {@code offlineEnabled} is true
 * @param providers chain order; names: ollama, azure-openai, anthropic, openai, offline
 * @param offlineEnabled true/false forces the offline provider on/off; empty = on except in production
 * @param providerPolicy {@code Project=provider,...;...}: the only providers a project's code may go to
 *                       ({@link dev.codeagent.llmpatch.provider.ProviderPolicy}); empty = no restriction
 * @param modelPrices {@code model=INPUT/OUTPUT,...} in USD per million tokens
 *                    ({@link dev.codeagent.llmpatch.usage.ModelPrices}); empty = every cost unknown
 */
@Validated
@ConfigurationProperties("codeagent.llm")
public record LlmPatchProperties(
        String profile,
        @NotNull List<String> providers,
        Boolean offlineEnabled,
        @Min(1) @Max(10) int maxAttempts,
        @Min(0) @Max(5) int rateLimitRetries,
        @NotNull Duration maxRetryAfter,
        @Min(256) @Max(200_000) int maxOutputTokens,
        @NotNull DataSize wholeFileMaxSize,
        @Valid @NotNull Ollama ollama,
        @Valid @NotNull Remote anthropic,
        @Valid @NotNull Remote openai,
        @Valid @NotNull Patch patch,
        @Valid @NotNull Context context,
        @Valid @NotNull AzureOpenAi azureOpenai,
        String providerPolicy,
        String modelPrices) {

    /** @param editFormat search-replace, whole-file or auto (whole-file for small files) */
    public record Ollama(String url, String model, @Min(512) int numCtx, @NotNull Duration timeout,
            @DecimalMin("0.0") @DecimalMax("2.0") double temperature, @NotNull String editFormat) {
    }

    public record Remote(String apiKey, String baseUrl, String model, @Min(1024) long contextTokens,
            @NotNull Duration timeout, @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
            @NotNull String editFormat) {
    }

    /**
     * @param endpoint   {@code https://{resource}.openai.azure.com}
     * @param deployment the model deployment's name, which Azure routes by (the model is the deployment's)
     * @param apiVersion the data-plane {@code api-version}
     * @param apiKey     sent as {@code api-key}; empty = Microsoft Entra ID through azure-identity's default chain
     */
    public record AzureOpenAi(
            @Pattern(regexp = "(https?://\\S+)?", message = "CODEAGENT_AZURE_OPENAI_ENDPOINT must be an http(s) URL")
            String endpoint,
            String deployment, @NotBlank String apiVersion, String apiKey, @Min(1024) long contextTokens,
            @NotNull Duration timeout, @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
            @NotNull String editFormat) {

        public AzureOpenAi {
            // The client appends /openai/deployments/...; a trailing slash would double it.
            endpoint = endpoint == null ? null : endpoint.strip().replaceAll("/+$", "");
        }
    }

    /**
     * @param protectedPaths        globs that replace the built-in protected list; empty = the built-in list
     * @param extraProtectedPaths   globs protected in addition
     * @param allowedProtectedPaths globs exempted from the protection (an operator's explicit opt-out)
     */
    public record Patch(@NotNull List<String> protectedPaths, @NotNull List<String> extraProtectedPaths,
            @NotNull List<String> allowedProtectedPaths, @NotNull DataSize maxFileSize, @NotNull DataSize maxEditsSize,
            @Min(1) int maxFiles) {

        public List<String> effectiveProtectedPaths() {
            List<String> all = new ArrayList<>(protectedPaths.isEmpty() ? PathPolicy.DEFAULT_PROTECTED : protectedPaths);
            all.addAll(extraProtectedPaths);
            return all;
        }
    }

    public record Context(@NotNull DataSize budget, @NotNull DataSize maxFileSize) {
    }
}
