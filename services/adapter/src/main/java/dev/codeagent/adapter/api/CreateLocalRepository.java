package dev.codeagent.adapter.api;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/** Body of {@code POST /api/repos/local}: a name, the default branch (main) and initial files (path → text). */
public record CreateLocalRepository(@NotBlank String name, String defaultBranch, Map<String, String> files) {
}
