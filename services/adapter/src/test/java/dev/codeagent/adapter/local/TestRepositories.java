package dev.codeagent.adapter.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Real repositories for tests: {@code main} with a few files, and {@code feature} one commit further that
 * edits, adds, deletes and renames. Non-bare ones keep {@code main} checked out.
 */
public final class TestRepositories {

    public static final PersonIdent DEV = new PersonIdent("Dev", "dev@example.com");

    private TestRepositories() {
    }

    /** Creates {@code root/name} (non-bare) and returns its path. */
    public static Path nonBare(Path root, String name) throws Exception {
        Path dir = root.resolve(name);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            write(dir, "README.md", "# Demo\n");
            write(dir, "src/app.py", "def login(user):\n    return True\n");
            write(dir, "docs/old-name.txt", "a document that will be renamed\nwith enough lines\nto be detected\n");
            write(dir, "obsolete.txt", "to be deleted\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("initial").setAuthor(DEV).setCommitter(DEV).call();
            git.checkout().setCreateBranch(true).setName("feature").call();
            write(dir, "src/app.py", "def login(user):\n    if not user:\n        return False\n    return True\n");
            write(dir, "src/new.py", "print('new')\n");
            Files.delete(dir.resolve("obsolete.txt"));
            Files.createDirectories(dir.resolve("docs"));
            Files.move(dir.resolve("docs/old-name.txt"), dir.resolve("docs/new-name.txt"));
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            git.commit().setMessage("feature work").setAuthor(DEV).setCommitter(DEV).call();
            git.checkout().setName("main").call();
        }
        return dir;
    }

    /** Creates {@code root/name.git} (bare) with the same content and returns its path. */
    public static Path bare(Path root, Path scratch, String name) throws Exception {
        Path source = nonBare(scratch, name + "-src");
        Path dir = root.resolve(name + ".git");
        Git.cloneRepository().setURI(source.toUri().toString()).setBare(true).setCloneAllBranches(true)
                .setDirectory(dir.toFile()).call().close();
        return dir;
    }

    public static Repository open(Path dir) throws IOException {
        Path gitDir = Files.isDirectory(dir.resolve(".git")) ? dir.resolve(".git") : dir;
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    public static String head(Path dir, String branch) throws IOException {
        try (Repository repository = open(dir)) {
            ObjectId id = repository.resolve("refs/heads/" + branch);
            return id == null ? null : id.name();
        }
    }

    /** Content of {@code path} at {@code commit}, or null when absent. */
    public static byte[] fileAt(Path dir, String commit, String path) throws IOException {
        try (Repository repository = open(dir); org.eclipse.jgit.revwalk.RevWalk walk =
                new org.eclipse.jgit.revwalk.RevWalk(repository)) {
            RevCommit revCommit = walk.parseCommit(ObjectId.fromString(commit));
            try (TreeWalk treeWalk = TreeWalk.forPath(repository, path, revCommit.getTree())) {
                return treeWalk == null ? null : repository.open(treeWalk.getObjectId(0)).getBytes();
            }
        }
    }

    public static RevCommit commit(Path dir, String commit) throws IOException {
        try (Repository repository = open(dir); org.eclipse.jgit.revwalk.RevWalk walk =
                new org.eclipse.jgit.revwalk.RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(commit));
            walk.parseBody(parsed);
            return parsed;
        }
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
