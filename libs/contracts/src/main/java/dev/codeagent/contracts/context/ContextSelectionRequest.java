package dev.codeagent.contracts.context;

import dev.codeagent.contracts.git.TreeEntry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Ask llm-patch which files to fetch for an intent ({@code POST /api/context/select}): the PR's changed
 * paths first, then files named in the intent, then a ranking, within {@code budgetBytes} (0 = service
 * default).
 */
public record ContextSelectionRequest(@NotBlank String intent, @NotNull List<TreeEntry> tree,
        List<String> changedPaths, long budgetBytes) {
}
