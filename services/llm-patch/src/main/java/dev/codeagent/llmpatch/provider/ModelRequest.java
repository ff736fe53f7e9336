package dev.codeagent.llmpatch.provider;

import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.llmpatch.prompt.VariantStrategy;
import java.util.List;

/**
 * What a provider is asked: the conversation so far, plus the structured task it was built from (the
 * offline provider works from the task, model providers from the messages).
 */
public record ModelRequest(List<ModelMessage> messages, int k, VariantStrategy strategy, String intent,
        List<SourceFile> files, long estimatedPromptTokens) {
}
