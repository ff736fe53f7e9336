package dev.codeagent.adapter.local;

import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.TreeArchive;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit's tree zipped straight from the object database: nothing is checked out on disk. Entries carry unix
 * modes (0755 for executables, symbolic links as links) so {@code ./mvnw} still runs after unpacking; submodules
 * are left out because their commits are not in this repository.
 */
final class TreeZip implements TreeArchive {

    private static final int REGULAR = 0100644;
    private static final int EXECUTABLE = 0100755;
    private static final int SYMLINK = 0120777;

    private final Repository repository;
    private final RevTree tree;

    private TreeZip(Repository repository, RevTree tree) {
        this.repository = repository;
        this.tree = tree;
    }

    /**
     * Checks the tree's size (the sum of its files, which bounds the zip) against {@code maxBytes} first; the
     * repository stays open until the archive is closed.
     */
    static TreeZip of(Repository repository, RevTree tree, String commit, long maxBytes) throws IOException {
        long total = 0;
        try (TreeWalk walk = walk(repository, tree)) {
            ObjectReader reader = walk.getObjectReader();
            while (walk.next()) {
                if (walk.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
                    total += reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB);
                    if (total > maxBytes) {
                        throw GitProblems.tooLarge("The files of commit " + commit + " exceed the archive limit of "
                                + maxBytes + " bytes (CODEAGENT_ADAPTER_ARCHIVE_MAX_BYTES)");
                    }
                }
            }
        }
        return new TreeZip(repository, tree);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (TreeWalk walk = walk(repository, tree);
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new NonClosing(out))) {
            ObjectReader reader = walk.getObjectReader();
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode.getObjectType() != Constants.OBJ_BLOB) {
                    continue;
                }
                ObjectId id = walk.getObjectId(0);
                ZipArchiveEntry entry = new ZipArchiveEntry(walk.getPathString());
                entry.setUnixMode(unixMode(mode));
                zip.putArchiveEntry(entry);
                reader.open(id, Constants.OBJ_BLOB).copyTo(zip);
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    @Override
    public void close() {
        repository.close();
    }

    private static int unixMode(FileMode mode) {
        if (mode == FileMode.EXECUTABLE_FILE) {
            return EXECUTABLE;
        }
        return mode == FileMode.SYMLINK ? SYMLINK : REGULAR;
    }

    private static TreeWalk walk(Repository repository, RevTree tree) throws IOException {
        TreeWalk walk = new TreeWalk(repository);
        walk.addTree(tree);
        walk.setRecursive(true);
        return walk;
    }

    /** The servlet owns the response stream; finishing the zip must not close it. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

}
