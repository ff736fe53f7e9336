package dev.codeagent.adapter.ado;

import dev.codeagent.adapter.provider.CommitIds;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.TreeArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A commit's tree as Azure DevOps zips it (Items - List with {@code $format=zip}, recursion full, unix modes kept),
 * streamed through to the caller without being held in memory or on disk.
 */
class AzureDevOpsArchives {

    private static final int BUFFER = 64 * 1024;

    private final AzureDevOpsClient client;

    AzureDevOpsArchives(AzureDevOpsClient client) {
        this.client = client;
    }

    TreeArchive archive(RepositoryCoordinates repo, String commit, long maxBytes) {
        CommitIds.requireFull(commit, "commit");
        AzureDevOpsCall call = AzureDevOpsCall.get("/items", "download the files of commit " + commit,
                        AzureDevOpsScopes.CODE_WRITE)
                .withQuery("scopePath", "/")
                .withQuery("recursionLevel", "full")
                .withQuery("versionDescriptor.version", commit)
                .withQuery("versionDescriptor.versionType", "commit")
                .withQuery("zipForUnix", "true")
                .withQuery("$format", "zip")
                .asRaw();
        AzureDevOpsResponse response = client.open(repo, call);
        if (response.stream() == null) {
            throw client.problem(repo, call, response);
        }
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > maxBytes) {
            closeQuietly(response.stream());
            throw GitProblems.tooLarge("The zip of commit " + commit + " exceeds the archive limit of " + maxBytes
                    + " bytes (CODEAGENT_ADAPTER_ARCHIVE_MAX_BYTES)");
        }
        return new Download(response.stream(), commit, maxBytes);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the answer is abandoned either way
        }
    }

    /** Copies the download, stopping with an error past the limit when Azure DevOps announced no length. */
    private record Download(InputStream in, String commit, long maxBytes) implements TreeArchive {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] buffer = new byte[BUFFER];
            long copied = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > maxBytes) {
                    throw new IOException("The zip of commit " + commit + " exceeds the archive limit of " + maxBytes
                            + " bytes; the download was cut");
                }
                out.write(buffer, 0, n);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
