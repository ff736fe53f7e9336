package dev.codeagent.contracts.git;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * One file change. {@code content} is the complete new content (null for delete); {@code encoding} is
 * {@code utf-8} (default) or {@code base64} for binary; {@code originalPath} is the old path of a rename.
 */
public record FileChange(@NotNull ChangeType changeType, @NotBlank String path, String originalPath,
        String content, String encoding) {

    public static FileChange add(String path, String content) {
        return new FileChange(ChangeType.ADD, path, null, content, FileContent.UTF8);
    }

    public static FileChange edit(String path, String content) {
        return new FileChange(ChangeType.EDIT, path, null, content, FileContent.UTF8);
    }

    public static FileChange delete(String path) {
        return new FileChange(ChangeType.DELETE, path, null, null, null);
    }
}
