package dev.codeagent.runner.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Tar archives between the runner and a check pod: the sandbox's tree packed for the pod's init container (GNU long
 * names, which BusyBox and GNU tar both read), and the JUnit reports a check sends back unpacked into the sandbox.
 * The reports come from the code under test, so they are unpacked like any untrusted archive: regular files only,
 * inside the tree, never under {@code .git}, within a size limit.
 */
final class TreeArchive {

    private static final int EXECUTABLE = 0755;
    private static final int REGULAR = 0644;

    private TreeArchive() {
    }

    /** Writes {@code tree} as a gzip-compressed tar to {@code target}; links are kept as links. */
    static void pack(Path tree, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(tree)) {
                        TarArchiveEntry entry = new TarArchiveEntry(name(tree, dir) + "/");
                        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
                        tar.putArchiveEntry(entry);
                        tar.closeArchiveEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = name(tree, file);
                    if (attrs.isSymbolicLink()) {
                        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                        entry.setLinkName(Files.readSymbolicLink(file).toString());
                        tar.putArchiveEntry(entry);
                        tar.closeArchiveEntry();
                    } else if (attrs.isRegularFile()) {
                        TarArchiveEntry entry = new TarArchiveEntry(name);
                        entry.setMode(Files.isExecutable(file) ? EXECUTABLE : REGULAR);
                        entry.setSize(attrs.size());
                        tar.putArchiveEntry(entry);
                        Files.copy(file, tar);
                        tar.closeArchiveEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            tar.finish();
        }
    }

    private static String name(Path tree, Path path) {
        return tree.relativize(path).toString().replace('\\', '/');
    }

    /**
     * Unpacks the reports in {@code archive} (gzip-compressed tar) into {@code tree}, replacing files of the same
     * name; anything but a regular file inside the tree is skipped. Answers how many files were written.
     */
    static int unpackReports(InputStream archive, Path tree, long maxBytes) throws IOException {
        Path root = tree.toRealPath();
        long written = 0;
        int files = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = inside(root, entry.getName());
                if (!entry.isFile() || path == null) {
                    continue;
                }
                written += entry.getSize();
                if (written > maxBytes) {
                    throw new IOException("the reports exceed " + maxBytes + " bytes");
                }
                Files.createDirectories(path.getParent());
                if (!path.getParent().toRealPath().startsWith(root)) {
                    continue;
                }
                Path part = Files.createTempFile(path.getParent(), ".report", ".part");
                // The tar stream ends each entry at its declared size and stays open for the next one.
                Files.copy(tar, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, path, StandardCopyOption.REPLACE_EXISTING);
                files++;
            }
        }
        return files;
    }

    /** The entry's path inside {@code root}, or null when it points elsewhere. */
    private static Path inside(Path root, String name) {
        String relative = name.startsWith("./") ? name.substring(2) : name;
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            return null;
        }
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root) || path.startsWith(root.resolve(".git"))
                || Files.isSymbolicLink(path) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return path;
    }
}
