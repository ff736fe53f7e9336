package dev.codeagent.contracts.patch;

import dev.codeagent.contracts.git.FileChange;
import java.util.List;

/**
 * A generated variant: complete new contents per changed path, a unified diff, a short summary of the
 * approach, and who produced it. {@code offline} is true when the deterministic offline provider wrote it;
 * callers must label such output. {@code notes} says what the variant left alone and why: files kept out of
 * the prompt because they may hold secrets, edits refused because the path is protected (empty when none;
 * absent in answers of older versions).
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
        List<String> notes) {

    public PatchResponse {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A variant without notes. */
    public PatchResponse(int k, String strategy, String summary, List<FileChange> changes, String diff,
            int linesAdded, int linesRemoved, String provider, String model, boolean offline, TokenUsage tokens,
            int attempts) {
        this(k, strategy, summary, changes, diff, linesAdded, linesRemoved, provider, model, offline, tokens,
                attempts, List.of());
    }
}
