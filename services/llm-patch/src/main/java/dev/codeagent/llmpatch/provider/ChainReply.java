package dev.codeagent.llmpatch.provider;

import java.util.List;

/** The answer of the first provider that answered, and what failed before it. */
public record ChainReply(ModelReply reply, ModelProvider provider, int slotIndex, List<String> earlierFailures) {
}
