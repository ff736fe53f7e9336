package dev.codeagent.contracts.patch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A text file given to the model as context, with its complete current content. */
public record SourceFile(@NotBlank String path, @NotNull String content) {
}
