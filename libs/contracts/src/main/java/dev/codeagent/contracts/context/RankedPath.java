package dev.codeagent.contracts.context;

/**
 * One candidate file as the selection ranked it: its rank score, whether it was shown to the model, and why — the
 * words and symbols of the intent it matched, "changed in the PR", "named in the intent", its rank in the
 * repository map's reference graph, or why it was left out ("over budget").
 */
public record RankedPath(String path, double score, boolean shown, String reason) {
}
