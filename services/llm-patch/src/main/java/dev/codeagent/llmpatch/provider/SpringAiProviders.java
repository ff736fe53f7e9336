package dev.codeagent.llmpatch.provider;

import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds Spring AI chat models from our settings only. Client-side retries are switched off everywhere
 * (SDK {@code maxRetries(0)}, a no-retry template for Ollama): the chain decides about retries and
 * fallback, and hidden retries would multiply latency behind a timeout.
 */
public final class SpringAiProviders {

    private static final Duration SHOW_TIMEOUT = Duration.ofSeconds(15);

    private SpringAiProviders() {
    }

    /**
     * Ollama through its native {@code /api/chat}: its OpenAI-compatible route ignores {@code num_ctx}. Every call
     * carries {@code num_ctx} and {@code num_predict} from the model's window ({@link OllamaContextLength}), so a
     * prompt the chain measured as fitting is never cut by Ollama's smaller default.
     */
    public static SpringAiProvider ollama(ProviderSettings s) {
        OllamaChatOptions defaults = limits(OllamaChatOptions.builder(), s).build();
        OllamaChatModel model = OllamaChatModel.builder()
                .ollamaApi(ollamaApi(s.baseUrl(), s.timeout()))
                .options(defaults)
                .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0)))
                .observationRegistry(ObservationRegistry.NOOP)
                .build();
        // /api/show reads metadata from disk: an answer slower than this means the server is in trouble.
        Duration showTimeout = s.timeout().compareTo(SHOW_TIMEOUT) < 0 ? s.timeout() : SHOW_TIMEOUT;
        OllamaContextLength window = new OllamaContextLength(ollamaApi(s.baseUrl(), showTimeout), s);
        return new SpringAiProvider(s, model, (w, t) -> defaults.mutate().temperature(t).numCtx((int) w.tokens())
                .numPredict(w.answerTokens()).build(), window);
    }

    private static OllamaApi ollamaApi(String baseUrl, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return OllamaApi.builder()
                .baseUrl(baseUrl)
                .restClientBuilder(RestClient.builder().requestFactory(factory))
                .responseErrorHandler(new OllamaErrorHandler())
                .build();
    }

    public static SpringAiProvider anthropic(ProviderSettings s, String apiKey) {
        AnthropicChatOptions defaults = limits(AnthropicChatOptions.builder(), s)
                .baseUrl(s.baseUrl()).apiKey(apiKey).timeout(s.timeout()).maxRetries(0).build();
        return new SpringAiProvider(s,
                AnthropicChatModel.builder().options(defaults).observationRegistry(ObservationRegistry.NOOP).build(),
                defaults);
    }

    public static SpringAiProvider openAi(ProviderSettings s, String apiKey) {
        OpenAiChatOptions defaults = limits(OpenAiChatOptions.builder(), s)
                .baseUrl(s.baseUrl()).apiKey(apiKey).timeout(s.timeout()).maxRetries(0).build();
        return new SpringAiProvider(s,
                OpenAiChatModel.builder().options(defaults).observationRegistry(ObservationRegistry.NOOP).build(),
                defaults);
    }

    /** What every provider's options carry: the model, the answer budget and variant 1's temperature. */
    static <B extends ChatOptions.Builder<B>> B limits(B options, ProviderSettings s) {
        return options.model(s.model()).maxTokens(s.maxOutputTokens()).temperature(s.temperature(1));
    }
}
