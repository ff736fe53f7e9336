package dev.codeagent.adapter.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pull requests of local repositories, one JSON file each ({@code <reviews>/<repo>/pr-<id>.json}).
 * Writes go to a temporary file that is flushed to disk and then moved over the old one, so a crash
 * leaves either the old or the new record, never half of one. Callers hold the repository lock from
 * {@link LocalRepositories#withLock} around read-modify-write sequences.
 */
public class LocalReviewStore {

    private static final Pattern FILE = Pattern.compile("pr-(\\d+)\\.json");

    private final LocalRepositories repositories;
    private final JsonMapper json;

    public LocalReviewStore(LocalRepositories repositories, JsonMapper json) {
        this.repositories = repositories;
        this.json = json;
    }

    public List<LocalPullRequest> list(String repo) {
        Path dir = repositories.reviewsDir(repo);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LocalPullRequest> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (FILE.matcher(file.getFileName().toString()).matches()) {
                    all.add(read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.sort(Comparator.comparingLong(LocalPullRequest::id));
        return all;
    }

    public Optional<LocalPullRequest> find(String repo, long id) {
        Path file = file(repo, id);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public long nextId(String repo) {
        Path dir = repositories.reviewsDir(repo);
        if (!Files.isDirectory(dir)) {
            return 1;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> FILE.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .max().orElse(0) + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(String repo, LocalPullRequest pullRequest) {
        Path target = file(repo, pullRequest.id());
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".pr-" + pullRequest.id() + "-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(java.nio.ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(pullRequest)));
                    channel.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pull request " + pullRequest.id() + " of " + repo, e);
        }
    }

    private Path file(String repo, long id) {
        return repositories.reviewsDir(repo).resolve("pr-" + id + ".json");
    }

    private LocalPullRequest read(Path file) {
        try {
            return json.readValue(Files.readAllBytes(file), LocalPullRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
