package dev.codeagent.contracts.patch;

import dev.codeagent.contracts.git.FileChange;
import java.util.List;

/**
 * A generated variant: complete new contents per changed path, a unified diff, a short summary of the
 * approach, and who produced it. {@code offline} is true when the deterministic offline provider wrote it;
 * callers must label such output.
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
        int attempts) {
}
