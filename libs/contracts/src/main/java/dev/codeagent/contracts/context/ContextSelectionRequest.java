package dev.codeagent.contracts.context;

import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.SourceFile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Ask llm-patch which files to fetch for an intent ({@code POST /api/context/select}): files named in the intent
 * first, then the PR's changed paths, then a ranking, within {@code budgetBytes} (0 = service default).
 *
 * @param commit the commit the tree is at; keys the repository map cached by llm-patch (optional)
 * @param files  contents of the files the previous answer listed as {@code wanted}, to build the repository map
 *               from (optional: without them the ranking uses paths only, or the map cached for {@code commit})
 */
public record ContextSelectionRequest(@NotBlank String intent, @NotNull List<TreeEntry> tree,
        List<String> changedPaths, long budgetBytes, @Size(max = 64) String commit,
        List<@Valid SourceFile> files) {

    /** A request from paths only. */
    public ContextSelectionRequest(String intent, List<TreeEntry> tree, List<String> changedPaths, long budgetBytes) {
        this(intent, tree, changedPaths, budgetBytes, null, null);
    }
}
