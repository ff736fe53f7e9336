package dev.codeagent.contracts.patch;

import dev.codeagent.contracts.git.FileChange;
import java.util.List;

/**
 * A generated variant: complete new contents per changed path, a unified diff, a short summary of the
 * approach, and who produced it. {@code offline} is true when the deterministic offline provider wrote it;
 * callers must label such output. {@code notes} says what the variant left alone and why: files kept out of
 * the prompt because they may hold secrets, edits refused because the path is protected (empty when none;
 * absent in answers of older versions). {@code calls} lists every model call that answered while the variant was
 * written (fallbacks and repair rounds included) with its tokens, latency and cost (empty in answers of older
 * versions).
 */
public record PatchResponse(
        int k,
        String strategy,
        String summary,
        List<FileChange> changes,
        String diff,
        int linesAdded,
        int linesRemoved,
        String provider,
        String model,
        boolean offline,
        TokenUsage tokens,
        int attempts,
        List<String> notes,
        List<ModelCall> calls) {

    public PatchResponse {
        notes = notes == null ? List.of() : List.copyOf(notes);
        calls = calls == null ? List.of() : List.copyOf(calls);
    }

    /** A variant without its calls' usage. */
    public PatchResponse(int k, String strategy, String summary, List<FileChange> changes, String diff,
            int linesAdded, int linesRemoved, String provider, String model, boolean offline, TokenUsage tokens,
            int attempts, List<String> notes) {
        this(k, strategy, summary, changes, diff, linesAdded, linesRemoved, provider, model, offline, tokens,
                attempts, notes, List.of());
    }

    /** A variant without notes or usage. */
    public PatchResponse(int k, String strategy, String summary, List<FileChange> changes, String diff,
            int linesAdded, int linesRemoved, String provider, String model, boolean offline, TokenUsage tokens,
            int attempts) {
        this(k, strategy, summary, changes, diff, linesAdded, linesRemoved, provider, model, offline, tokens,
                attempts, List.of(), List.of());
    }
}
