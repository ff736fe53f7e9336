package dev.codeagent.orchestrator.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where job artifacts go: Azure Blob Storage (or Azurite) when a connection string is set, otherwise the
 * directory.
 */
@Validated
@ConfigurationProperties("codeagent.artifacts")
public record ArtifactProperties(
        @NotBlank String directory,
        String blobConnectionString,
        @NotBlank String blobContainer) {

    public boolean usesBlobStorage() {
        return blobConnectionString != null && !blobConnectionString.isBlank();
    }

    @Override
    public String toString() {
        // The connection string carries an account key; keep it out of logs and error messages.
        return "ArtifactProperties[directory=" + directory + ", blobContainer=" + blobContainer
                + ", blobStorage=" + usesBlobStorage() + "]";
    }
}
