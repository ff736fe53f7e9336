package dev.codeagent.llmpatch.provider;

import java.util.List;

/**
 * The answer of the first provider that answered, what failed before it, the window its prompt was measured
 * against and, when the prompt had to shrink to fit it, what was left out (null when nothing was).
 * {@code latencyMs} is the time of the call that answered (retries after a rate limit not included).
 */
public record ChainReply(ModelReply reply, ModelProvider provider, int slotIndex, List<String> earlierFailures,
        ContextWindow window, PromptFitter.Fitted shrunk, long latencyMs) {
}
