package dev.codeagent.orchestrator.job;

/** What a generated variant is, as recorded before its edits are committed. */
public record PatchSummary(String strategy, String approach, int filesChanged, int linesAdded, int linesRemoved,
        String provider, String model, boolean offline) {
}
