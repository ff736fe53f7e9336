package dev.codeagent.adapter.local;

import dev.codeagent.adapter.provider.GitProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Finds repositories under the local root and serialises writes to each of them. A write holds a lock in
 * this JVM and a file lock, so several threads and several adapter processes sharing the folder never
 * interleave a read-check-write sequence on the same repository.
 */
public class LocalRepositories {

    /** Folder (under the root) that holds the review records; a dot name can never be a repository. */
    public static final String REVIEWS_DIR = ".codeagent-reviews";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    private final Path root;
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public LocalRepositories(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Creates the root when missing, so a fresh installation works without setup. */
    public void ensureRoot() {
        try {
            Files.createDirectories(root.resolve(REVIEWS_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the local repository root " + root, e);
        }
    }

    /** The repository named {@code name} (a folder {@code name} or {@code name.git}); 404 when absent. */
    public Repository open(String name) {
        Path gitDir = gitDir(name);
        try {
            return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
        } catch (IOException e) {
            throw GitProblems.notFound("Local repository '" + name + "' cannot be opened: " + e.getMessage());
        }
    }

    /** Folder holding the review records of repository {@code name}. */
    public Path reviewsDir(String name) {
        requireValidName(name);
        return root.resolve(REVIEWS_DIR).resolve(name);
    }

    /** Runs {@code action} while holding the repository's write lock. */
    public <T> T withLock(String name, Supplier<T> action) {
        Path dir = reviewsDir(name);
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock local repository " + name, e);
        } finally {
            lock.unlock();
        }
    }

    private Path gitDir(String name) {
        requireValidName(name);
        for (Path candidate : new Path[] {root.resolve(name), root.resolve(name + ".git")}) {
            if (Files.isDirectory(candidate.resolve(".git"))) {
                return candidate.resolve(".git");
            }
            if (Files.isDirectory(candidate) && Files.isDirectory(candidate.resolve("objects"))
                    && Files.exists(candidate.resolve("HEAD"))) {
                return candidate;
            }
        }
        throw GitProblems.notFound("No local repository '" + name + "' under " + root);
    }

    private static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.endsWith(".git") && name.length() == 4) {
            throw GitProblems.invalid("Invalid local repository name (letters, digits, '.', '_', '-'; "
                    + "not starting with '.')");
        }
    }
}
