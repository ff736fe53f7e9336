package dev.codeagent.llmpatch.provider;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ai.ollama.api.OllamaApi;

/**
 * The context window of an Ollama model: its real context length, asked once from {@code POST /api/show}
 * ({@code model_info["<general.architecture>.context_length"]}), capped by the configured {@code num_ctx}. Without
 * the window Ollama silently cuts a longer prompt to its default (4096 tokens on small GPUs), so the chain measures
 * every prompt against this and sends it as {@code options.num_ctx}. A learnt length is kept for the life of the
 * process; a failed look-up is not (the server may be starting), and assumes {@link #UNKNOWN_LENGTH} with a note.
 */
final class OllamaContextLength implements Supplier<ContextWindow> {

    /** Ollama's own default window on GPUs under 24 GiB: a prompt that fits it fits any model. */
    static final long UNKNOWN_LENGTH = 4096;
    /** Kept for the answer even in a small window: an edit needs room to be written. */
    static final int MIN_ANSWER_TOKENS = 1024;

    private final OllamaApi api;
    private final ProviderSettings settings;
    private volatile Long learnt;

    OllamaContextLength(OllamaApi api, ProviderSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    @Override
    public ContextWindow get() {
        Long length = learnt;
        String note = null;
        if (length == null) {
            try {
                length = contextLength(api.showModel(new OllamaApi.ShowModelRequest(settings.model())).modelInfo());
                learnt = length;
            } catch (RuntimeException e) {
                length = UNKNOWN_LENGTH;
                note = "the context length of Ollama model " + settings.model() + " could not be learnt from /api/show ("
                        + ErrorClassifier.classify(e).describe() + "); assumed " + Math.min(length, settings.contextTokens())
                        + " tokens";
            }
        }
        long tokens = Math.min(length, settings.contextTokens());
        long answer = Math.min(settings.maxOutputTokens(), Math.max(Math.min(MIN_ANSWER_TOKENS, tokens / 2), tokens / 4));
        return new ContextWindow(tokens, (int) answer, note);
    }

    /** {@code <architecture>.context_length} of a model_info map; the key's prefix is the model's architecture. */
    static long contextLength(Map<String, Object> modelInfo) {
        if (modelInfo == null) {
            throw new IllegalStateException("the answer has no model_info");
        }
        Object architecture = modelInfo.get("general.architecture");
        String key = architecture + ".context_length";
        Object value = modelInfo.get(key);
        if (value instanceof Number n && n.longValue() > 0) {
            return n.longValue();
        }
        if (value instanceof String s && s.strip().matches("[1-9][0-9]{0,9}")) {
            return Long.parseLong(s.strip());
        }
        throw new IllegalStateException("model_info has no " + key);
    }
}
