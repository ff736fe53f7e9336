package dev.codeagent.runner.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/** Per-run folders under the work directory: created empty, deleted with everything in them afterwards. */
public final class Sandboxes {

    private final Path workDir;

    public Sandboxes(Path workDir) {
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    /**
     * A fresh folder for one attempt of {@code runId}; the random suffix keeps a repeated run id (the orchestrator
     * retrying) from meeting the leftovers of an attempt still being cleaned up.
     */
    public Path create(String runId) {
        try {
            Files.createDirectories(workDir);
            return Files.createDirectory(workDir.resolve(runId + "-" + UUID.randomUUID().toString().substring(0, 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the folder; links are removed, never followed. */
    public void delete(Path sandbox) {
        if (!Files.exists(sandbox)) {
            return;
        }
        try {
            Files.walkFileTree(sandbox, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    // A check may have removed the owner's write bit; the runner owns the folder and restores it.
                    dir.toFile().setWritable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove sandbox " + sandbox, e);
        }
    }
}
