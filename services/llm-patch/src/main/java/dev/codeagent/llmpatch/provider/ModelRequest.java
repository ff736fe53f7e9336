package dev.codeagent.llmpatch.provider;

import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.prompt.VariantStrategy;
import java.util.List;

/**
 * What a provider is asked: the conversation so far, plus the structured task it was built from (the
 * offline provider works from the task, model providers from the messages). {@code fitter} rebuilds it smaller
 * for a small context window (null: it cannot shrink); {@code window} is the window the chain measured it
 * against (null until the chain sends it), so the provider sizes its call the same way.
 */
public record ModelRequest(List<ModelMessage> messages, int k, VariantStrategy strategy, String intent,
        List<SourceFile> files, long estimatedPromptTokens, PromptFitter fitter, ContextWindow window) {

    public ModelRequest(List<ModelMessage> messages, int k, VariantStrategy strategy, String intent,
            List<SourceFile> files, long estimatedPromptTokens) {
        this(messages, k, strategy, intent, files, estimatedPromptTokens, null, null);
    }

    public ModelRequest withWindow(ContextWindow to) {
        return new ModelRequest(messages, k, strategy, intent, files, estimatedPromptTokens, fitter, to);
    }
}
