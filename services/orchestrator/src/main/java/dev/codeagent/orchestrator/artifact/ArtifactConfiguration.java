package dev.codeagent.orchestrator.artifact;

import dev.codeagent.orchestrator.config.ArtifactProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the artifact store: Azure Blob Storage when a connection string is configured, else files. */
@Configuration(proxyBeanMethods = false)
public class ArtifactConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ArtifactConfiguration.class);

    @Bean
    ArtifactStore artifactStore(ArtifactProperties properties) {
        ArtifactStore store = properties.usesBlobStorage()
                ? new AzureBlobArtifactStore(properties.blobConnectionString(), properties.blobContainer())
                : new FileSystemArtifactStore(Path.of(properties.directory()));
        log.info("Artifacts go to {}", store.describe());
        return store;
    }
}
