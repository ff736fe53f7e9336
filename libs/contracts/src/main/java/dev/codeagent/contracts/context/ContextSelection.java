package dev.codeagent.contracts.context;

import java.util.List;

/**
 * Paths to fetch, best first, with the bytes they use and what was left out.
 *
 * @param paths      the files to show the model, best first
 * @param totalBytes their size
 * @param excluded   files that never enter (binary, generated, vendored, oversized, secret) or did not fit
 * @param ranked     every candidate with its score, whether it is shown and why; empty from an older service
 * @param map        the repository map (file → classes, methods, functions with signatures) the model sees next
 *                   to the files; empty when the selection had no contents to build it from
 * @param wanted     files whose contents the selection asks for to build the map and rank by symbols: send the
 *                   same request again with {@code ContextSelectionRequest.files}; empty when it needs none
 */
public record ContextSelection(List<String> paths, long totalBytes, List<ExcludedPath> excluded,
        List<RankedPath> ranked, String map, List<String> wanted) {

    /** A selection from paths only, without reasons, map or request for contents. */
    public ContextSelection(List<String> paths, long totalBytes, List<ExcludedPath> excluded) {
        this(paths, totalBytes, excluded, List.of(), "", List.of());
    }
}
