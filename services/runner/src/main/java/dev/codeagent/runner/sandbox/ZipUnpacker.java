package dev.codeagent.runner.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a tree archive into a sandbox. The archive comes from a git host but its content was written by a model,
 * so nothing in it may reach outside the sandbox: entries that escape (zip-slip: {@code ../}, absolute paths) are
 * refused, symbolic links are kept only when they point inside, and sizes and counts are capped as they are written
 * (the sizes an archive announces are not trusted).
 */
public final class ZipUnpacker {

    private static final int BUFFER = 64 * 1024;
    private static final int EXECUTABLE_BITS = 0111;

    private final long maxBytes;
    private final int maxFiles;

    public ZipUnpacker(long maxBytes, int maxFiles) {
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    /** Unpacks {@code zip} into {@code target} (an empty folder); a refused archive is an {@link UnsafeArchive}. */
    public void unpack(Path zip, Path target) throws IOException {
        Path root = target.toRealPath();
        long written = 0;
        int files = 0;
        try (ZipFile archive = ZipFile.builder().setSeekableByteChannel(FileChannel.open(zip, StandardOpenOption.READ))
                .get()) {
            for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
                Path path = resolveInside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                if (++files > maxFiles) {
                    throw new UnsafeArchive("the tree holds more than " + maxFiles + " files");
                }
                Files.createDirectories(path.getParent());
                if (entry.isUnixSymlink()) {
                    link(root, path, archive.getUnixSymlink(entry));
                    continue;
                }
                try (InputStream in = archive.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] buffer = new byte[BUFFER];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        written += n;
                        if (written > maxBytes) {
                            throw new UnsafeArchive("the unpacked tree exceeds " + maxBytes
                                    + " bytes (CODEAGENT_RUNNER_MAX_TREE_SIZE)");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                if ((entry.getUnixMode() & EXECUTABLE_BITS) != 0) {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                    permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }

    private static Path resolveInside(Path root, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")) {
            throw new UnsafeArchive("entry \"" + name + "\" is not a relative path");
        }
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root) || path.startsWith(root.resolve(".git"))) {
            throw new UnsafeArchive("entry \"" + name + "\" points outside the tree");
        }
        return path;
    }

    /** A link whose target stays inside the tree is kept; any other is left out (the check then sees it missing). */
    private static void link(Path root, Path path, String target) throws IOException {
        if (target == null || target.isEmpty() || target.startsWith("/")) {
            return;
        }
        Path resolved = path.getParent().resolve(target).normalize();
        if (resolved.startsWith(root)) {
            Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
        }
    }

    /** The archive tried to write outside the sandbox or beyond a limit. */
    public static final class UnsafeArchive extends RuntimeException {

        public UnsafeArchive(String message) {
            super(message);
        }
    }
}
