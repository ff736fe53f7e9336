package dev.codeagent.llmpatch.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** A provider backed by a Spring AI {@link ChatModel} (Ollama, Anthropic, OpenAI and compatible servers). */
public final class SpringAiProvider implements ModelProvider {

    private final ProviderSettings settings;
    private final ChatModel chatModel;
    private final CallOptions options;
    private final Supplier<ContextWindow> window;

    /** The options of one call, for the window its prompt was measured against and the variant's temperature. */
    @FunctionalInterface
    interface CallOptions {
        ChatOptions forCall(ContextWindow window, double temperature);
    }

    /** {@code defaults}: the model's options for every call; each call sets only its variant's temperature. */
    public SpringAiProvider(ProviderSettings settings, ChatModel chatModel, ChatOptions defaults) {
        this(settings, chatModel, (w, t) -> defaults.mutate().temperature(t).build(), () -> ContextWindow.of(settings));
    }

    /** A provider whose window is learnt from its server ({@code window}) and sized into each call's options. */
    SpringAiProvider(ProviderSettings settings, ChatModel chatModel, CallOptions options,
            Supplier<ContextWindow> window) {
        this.settings = settings;
        this.chatModel = chatModel;
        this.options = options;
        this.window = window;
    }

    @Override
    public ContextWindow contextWindow() {
        return window.get();
    }

    @Override
    public ModelReply complete(ModelRequest request, double temperature) {
        List<Message> messages = new ArrayList<>();
        for (ModelMessage m : request.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> new SystemMessage(m.text());
                case USER -> new UserMessage(m.text());
                case ASSISTANT -> new AssistantMessage(m.text());
            });
        }
        ChatResponse response;
        try {
            ContextWindow sized = request.window() == null ? window.get() : request.window();
            response = chatModel.call(new Prompt(messages, options.forCall(sized, temperature)));
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
        String text = response == null || response.getResult() == null || response.getResult().getOutput() == null
                ? null : response.getResult().getOutput().getText();
        if (filtered(response)) {
            throw new ProviderException(FailureKind.CONTENT_FILTERED, "finish reason content_filter: the answer was "
                    + "withheld or cut by the provider's content filter", null);
        }
        if (text == null || text.isBlank()) {
            throw new ProviderException(FailureKind.ERROR, "empty answer", null);
        }
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        long prompt = usage != null && usage.getPromptTokens() != null && usage.getPromptTokens() > 0
                ? usage.getPromptTokens() : request.estimatedPromptTokens();
        long completion = usage != null && usage.getCompletionTokens() != null && usage.getCompletionTokens() > 0
                ? usage.getCompletionTokens() : TokenEstimator.estimate(text);
        return new ModelReply(text, prompt, completion);
    }

    /** Azure OpenAI and OpenAI end a completion with {@code content_filter} when the filter withheld or cut it. */
    private static boolean filtered(ChatResponse response) {
        String reason = response == null || response.getResult() == null || response.getResult().getMetadata() == null
                ? null : response.getResult().getMetadata().getFinishReason();
        return reason != null && reason.strip().toLowerCase(Locale.ROOT).replace('-', '_').equals("content_filter");
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public boolean offline() {
        return false;
    }
}
