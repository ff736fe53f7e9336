package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.relativePath;
import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.ContentDecoder;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.RepositoryPaths;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.platform.concurrent.DaemonThreads;
import dev.codeagent.platform.web.CorrelationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/** The files of a commit on Azure DevOps: the tree with sizes, and contents read a few files at a time. */
class AzureDevOpsFiles {

    private final AzureDevOpsClient client;
    private final AdapterProperties adapter;
    private final ExecutorService readers;

    AzureDevOpsFiles(AzureDevOpsClient client, AdapterProperties adapter) {
        this.client = client;
        this.adapter = adapter;
        this.readers = Executors.newFixedThreadPool(adapter.readParallelism(), DaemonThreads.numbered("ado-reader"));
    }

    /** Stops the file-reading threads. */
    void close() {
        readers.shutdownNow();
    }

    /** Commits - Get for the tree id, then Trees - Get recursively: unlike Items - List it reports sizes. */
    TreeListing tree(RepositoryCoordinates repo, String commit) {
        CommitIds.requireFull(commit, "commit");
        JsonNode commitNode = client.json(repo, AzureDevOpsCall.get("/commits/" + commit,
                "read commit " + commit, AzureDevOpsScopes.CODE_WRITE));
        String treeId = text(commitNode, "treeId");
        if (treeId == null) {
            throw GitProblems.notFound("Commit " + commit + " has no tree on Azure DevOps");
        }
        JsonNode tree = client.json(repo, AzureDevOpsCall.get("/trees/" + treeId,
                "list the files of commit " + commit, AzureDevOpsScopes.CODE_WRITE).withQuery("recursive", "true"));
        List<TreeEntry> entries = new ArrayList<>();
        boolean truncated = false;
        for (JsonNode entry : tree.path("treeEntries")) {
            if (!"blob".equals(text(entry, "gitObjectType"))) {
                continue;
            }
            if (entries.size() >= adapter.maxTreeEntries()) {
                truncated = true;
                break;
            }
            entries.add(new TreeEntry(relativePath(text(entry, "relativePath")), entry.path("size").asLong(0)));
        }
        return new TreeListing(commit, entries, truncated);
    }

    /** Items - Get per file as raw bytes, a few at a time; a 404 marks the path missing. */
    FileContents contents(RepositoryCoordinates repo, ContentsRequest request) {
        CommitIds.requireFull(request.commit(), "commit");
        request.paths().forEach(RepositoryPaths::requireSafe);
        long limit = adapter.maxFileSize().toBytes();
        List<Future<Optional<FileContent>>> results = new ArrayList<>();
        try {
            for (String path : request.paths()) {
                results.add(readers.submit(CorrelationId.wrap(() -> readFile(repo, request.commit(), path, limit))));
            }
            List<FileContent> files = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Optional<FileContent> file = await(results.get(i));
                if (file.isPresent()) {
                    files.add(file.get());
                } else {
                    missing.add(request.paths().get(i));
                }
            }
            return new FileContents(request.commit(), files, missing);
        } finally {
            results.forEach(f -> f.cancel(true));
        }
    }

    private Optional<FileContent> readFile(RepositoryCoordinates repo, String commit, String path, long limit) {
        AzureDevOpsCall call = AzureDevOpsCall.get("/items", "read file " + path + " at " + commit,
                        AzureDevOpsScopes.CODE_WRITE)
                .withQuery("path", "/" + path)
                .withQuery("versionDescriptor.version", commit)
                .withQuery("versionDescriptor.versionType", "commit")
                .withQuery("download", "false")
                .asRaw();
        AzureDevOpsResponse response = client.send(repo, call, limit);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!AzureDevOpsClient.isSuccess(response.status())) {
            throw client.problem(repo, call, response);
        }
        long size = response.truncated()
                ? response.headers().firstValueAsLong("Content-Length").orElse(-1)
                : response.body().length;
        return Optional.of(ContentDecoder.decode(path, response.body(), size, response.truncated()));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GitProblems.unavailable("Interrupted while reading files from Azure DevOps", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw GitProblems.unavailable("Reading files from Azure DevOps failed", null, e.getCause());
        }
    }
}
