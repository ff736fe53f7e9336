package dev.codeagent.orchestrator.artifact;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import java.util.Optional;

/** Artifacts in an Azure Blob Storage container (Azurite locally); the container is created when missing. */
public class AzureBlobArtifactStore implements ArtifactStore {

    private final BlobContainerClient container;
    private volatile boolean containerReady;

    public AzureBlobArtifactStore(String connectionString, String containerName) {
        this.container = new BlobServiceClientBuilder().connectionString(connectionString).buildClient()
                .getBlobContainerClient(containerName);
    }

    @Override
    public void put(String key, String contentType, byte[] content) {
        if (!containerReady) {
            // Created on first use rather than at startup, so a storage outage does not stop the service.
            container.createIfNotExists();
            containerReady = true;
        }
        container.getBlobClient(key).uploadWithResponse(
                new BlobParallelUploadOptions(BinaryData.fromBytes(content))
                        .setHeaders(new BlobHttpHeaders().setContentType(contentType)),
                null, null);
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(container.getBlobClient(key).downloadContent().toBytes());
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void deleteJob(String jobId) {
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(ArtifactStore.jobPrefix(jobId)),
                null)) {
            container.getBlobClient(item.getName()).deleteIfExists();
        }
    }

    @Override
    public String describe() {
        return "azure-blob container " + container.getBlobContainerName() + " at " + container.getAccountName();
    }
}
