package dev.codeagent.adapter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the adapter that hold for every provider.
 *
 * @param publicUrl       base URL users reach the adapter at; local pull request links point there
 * @param maxFileSize     file contents beyond this size are cut and marked truncated
 * @param maxTreeEntries  tree listings stop (truncated) after this many files
 * @param committerName   committer of the agent's commits (the author is the requester when known)
 * @param committerEmail  e-mail of that committer
 * @param readParallelism concurrent reads when fetching many files from a remote host
 * @param archiveMaxSize  largest tree archive handed to the runner (the download for Azure DevOps, the files'
 *                        total for local repositories); beyond it the answer is 413
 */
@Validated
@ConfigurationProperties("codeagent.adapter")
public record AdapterProperties(
        @NotBlank String publicUrl,
        @NotNull DataSize maxFileSize,
        @Min(1) int maxTreeEntries,
        @NotBlank String committerName,
        @NotBlank String committerEmail,
        @Min(1) @Max(64) int readParallelism,
        @NotNull DataSize archiveMaxSize) {

    public AdapterProperties {
        publicUrl = publicUrl == null ? null : publicUrl.replaceAll("/+$", "");
    }
}
