package dev.codeagent.orchestrator.job;

/** What a variant changes against its job's base commit: files, lines added and lines removed. */
public record NetChange(int files, int added, int removed) {
}
