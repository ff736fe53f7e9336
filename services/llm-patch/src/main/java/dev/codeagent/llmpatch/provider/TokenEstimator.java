package dev.codeagent.llmpatch.provider;

/**
 * Conservative token estimate for a text. Code tokenises at roughly 3.5–4 characters per token with common
 * BPE vocabularies; dividing by 3 over-estimates on purpose, because under-estimating lets Ollama silently
 * truncate the prompt.
 */
public final class TokenEstimator {

    private TokenEstimator() {
    }

    public static long estimate(String text) {
        return text == null ? 0 : (text.length() + 2) / 3;
    }
}
