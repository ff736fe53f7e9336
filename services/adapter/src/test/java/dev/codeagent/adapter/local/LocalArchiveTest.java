package dev.codeagent.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.TreeArchive;
import dev.codeagent.platform.web.ApiProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The runner's tree archive, zipped from a bare repository's objects. */
class LocalArchiveTest {

    @TempDir
    Path root;

    LocalGitProvider provider;
    String commit;

    @BeforeEach
    void setUp() throws Exception {
        AdapterProperties properties = new AdapterProperties("http://adapter.test", DataSize.ofKilobytes(64), 100,
                "Code Agent", "codeagent@localhost", 1, DataSize.ofMegabytes(1));
        LocalRepositories repositories = new LocalRepositories(root);
        repositories.ensureRoot();
        LocalPullRequests pullRequests = new LocalPullRequests(repositories,
                new LocalReviewStore(repositories, JsonMapper.builder().build()), properties.publicUrl(),
                Clock.systemUTC());
        provider = new LocalGitProvider(repositories, pullRequests, properties);
        Git.init().setBare(true).setDirectory(root.resolve("lib.git").toFile()).setInitialBranch("main").call()
                .close();
        try (Repository repository = TestRepositories.open(root.resolve("lib.git"))) {
            commit = commit(repository, Map.of(
                    "mvnw", new Blob("#!/bin/sh\necho build\n", FileMode.EXECUTABLE_FILE),
                    "src/Main.java", new Blob("class Main {}\n", FileMode.REGULAR_FILE),
                    "current", new Blob("src", FileMode.SYMLINK)));
        }
    }

    @Test
    void zipsEveryFileWithItsUnixMode() throws Exception {
        Map<String, ZipArchiveEntry> entries = new HashMap<>();
        Map<String, String> contents = new HashMap<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(
                new SeekableInMemoryByteChannel(archive(DataSize.ofMegabytes(1)))).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                entries.put(entry.getName(), entry);
                contents.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        }

        assertThat(entries).containsOnlyKeys("mvnw", "src/Main.java", "current");
        assertThat(entries.get("mvnw").getUnixMode()).isEqualTo(0100755);
        assertThat(entries.get("src/Main.java").getUnixMode()).isEqualTo(0100644);
        assertThat(entries.get("current").isUnixSymlink()).isTrue();
        assertThat(contents).containsEntry("current", "src").containsEntry("mvnw", "#!/bin/sh\necho build\n");
    }

    @Test
    void aTreeLargerThanTheLimitIs413BeforeAnythingIsWritten() {
        assertThatThrownBy(() -> provider.archive(repo(), commit, 10))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("CODEAGENT_ADAPTER_ARCHIVE_MAX_BYTES");
                });
    }

    @Test
    void anUnknownCommitIsNotFound() {
        assertThatThrownBy(() -> provider.archive(repo(), "0".repeat(39) + "1", 1000))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status().value()).isEqualTo(404));
    }

    private byte[] archive(DataSize limit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TreeArchive archive = provider.archive(repo(), commit, limit.toBytes())) {
            archive.writeTo(out);
        }
        return out.toByteArray();
    }

    private static RepositoryCoordinates repo() {
        return new RepositoryCoordinates("local", "local", "lib");
    }

    private record Blob(String content, FileMode mode) {
    }

    private static String commit(Repository repository, Map<String, Blob> files) throws Exception {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(file -> {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(file.getValue().mode());
                try {
                    entry.setObjectId(inserter.insert(Constants.OBJ_BLOB,
                            file.getValue().content().getBytes(StandardCharsets.UTF_8)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                builder.add(entry);
            });
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(TestRepositories.DEV);
            commit.setCommitter(TestRepositories.DEV);
            commit.setMessage("files with modes");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        }
    }
}
