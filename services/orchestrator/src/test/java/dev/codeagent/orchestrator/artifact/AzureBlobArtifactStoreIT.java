package dev.codeagent.orchestrator.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Azure Blob Storage artifact store against Azurite, Microsoft's storage emulator, through the real
 * Azure SDK. Azurite comes from npm ({@code npm install azurite}); the test finds {@code azurite-blob} through
 * {@code AZURITE_BLOB}, the {@code PATH}, or the cache {@code .ci/run} installs it into, and is skipped (with
 * the reason) on a machine without it.
 */
class AzureBlobArtifactStoreIT {

    /** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static Process azurite;
    private static Path location;
    private static String connectionString;

    @BeforeAll
    static void startAzurite() throws Exception {
        Optional<Path> binary = azuriteBinary();
        assumeTrue(binary.isPresent(), "azurite-blob not found (npm install azurite; or set AZURITE_BLOB)");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        location = Files.createTempDirectory("azurite");
        azurite = new ProcessBuilder(binary.get().toString(), "--blobHost", "127.0.0.1", "--blobPort",
                String.valueOf(port), "--location", location.toString(), "--skipApiVersionCheck", "--silent")
                .redirectErrorStream(true)
                .redirectOutput(location.resolve("azurite.log").toFile())
                .start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!listening(port)) {
            if (!azurite.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Azurite did not start: "
                        + Files.readString(location.resolve("azurite.log")));
            }
            Thread.sleep(100);
        }
        connectionString = "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
    }

    @AfterAll
    static void stopAzurite() throws Exception {
        if (azurite != null) {
            azurite.destroy();
            azurite.waitFor();
        }
    }

    @Test
    void storesReadsReplacesAndDeletesTheArtifactsOfAJob() {
        AzureBlobArtifactStore store = new AzureBlobArtifactStore(connectionString, "artifacts-it");
        String job = "0f1e2d3c-0000-0000-0000-000000000001";
        String other = "0f1e2d3c-0000-0000-0000-000000000002";

        store.put(ArtifactStore.jobPrefix(job) + "variant-1/diff.patch", "text/x-diff", bytes("first"));
        store.put(ArtifactStore.jobPrefix(job) + "variant-1/diff.patch", "text/x-diff", bytes("replaced"));
        store.put(ArtifactStore.jobPrefix(job) + "report.json", "application/json", bytes("{\"k\":1}"));
        store.put(ArtifactStore.jobPrefix(other) + "report.json", "application/json", bytes("{}"));

        assertThat(store.get(ArtifactStore.jobPrefix(job) + "variant-1/diff.patch")).hasValueSatisfying(
                content -> assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("replaced"));
        assertThat(store.get(ArtifactStore.jobPrefix(job) + "missing.json")).isEmpty();

        store.deleteJob(job);
        assertThat(store.get(ArtifactStore.jobPrefix(job) + "report.json")).isEmpty();
        assertThat(store.get(ArtifactStore.jobPrefix(job) + "variant-1/diff.patch")).isEmpty();
        assertThat(store.get(ArtifactStore.jobPrefix(other) + "report.json")).isPresent();
        assertThat(store.describe()).contains("artifacts-it").contains(ACCOUNT).doesNotContain(KEY);
    }

    @Test
    void anUnreachableStorageFailsTheWriteInsteadOfPretendingItWorked() {
        AzureBlobArtifactStore store = new AzureBlobArtifactStore(connectionString.replace(ACCOUNT + ";",
                "nosuchaccount;").replace("/" + ACCOUNT, "/nosuchaccount"), "artifacts-it");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put("jobs/x/report.json", "application/json",
                bytes("{}"))).isInstanceOf(RuntimeException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> azuriteBinary() {
        String explicit = System.getenv("AZURITE_BLOB");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "azurite-blob"));
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        Stream<Path> ciCache = Stream.of(Path.of(cache, "codeagent", "azurite", "node_modules", ".bin", "azurite-blob"));
        return Stream.concat(onPath, ciCache).filter(Files::isExecutable).findFirst();
    }
}
