package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Batch read of file contents at one commit. */
public record ContentsRequest(@NotBlank String commit, @NotEmpty @Size(max = 500) List<String> paths) {
}
