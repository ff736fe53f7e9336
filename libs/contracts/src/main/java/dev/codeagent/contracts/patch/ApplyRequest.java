package dev.codeagent.contracts.patch;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** Apply a raw model answer to files ({@code POST /api/patches/apply}); {@code format} defaults to auto. */
public record ApplyRequest(@NotNull Map<String, String> files, @NotNull String edits, EditFormat format) {
}
