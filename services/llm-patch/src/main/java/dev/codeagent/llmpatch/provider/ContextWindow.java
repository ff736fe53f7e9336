package dev.codeagent.llmpatch.provider;

/**
 * What a provider accepts in one call: {@code tokens} for prompt and answer together, of which {@code answerTokens}
 * are kept for the answer. {@code note} says why the window is a guess (null when it is known), for the variant's
 * record.
 */
public record ContextWindow(long tokens, int answerTokens, String note) {

    /** The window from a provider's configured settings, which are known. */
    public static ContextWindow of(ProviderSettings settings) {
        return new ContextWindow(settings.contextTokens(), settings.maxOutputTokens(), null);
    }

    /** Tokens left for the prompt. */
    public long promptTokens() {
        return Math.max(0, tokens - answerTokens);
    }

    /** "4096 tokens, 1024 kept for the answer", for messages. */
    public String describe() {
        return tokens + " tokens, " + answerTokens + " kept for the answer";
    }
}
