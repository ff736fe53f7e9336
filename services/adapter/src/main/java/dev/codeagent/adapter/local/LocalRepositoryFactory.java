package dev.codeagent.adapter.local;

import dev.codeagent.adapter.provider.BranchNames;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;

/**
 * Creates and lists repositories under the local root, so that someone trying the product (and the demo)
 * gets a repository without running git by hand. A new repository is an ordinary non-bare one whose
 * working tree holds the initial files, with one commit on the default branch.
 */
public class LocalRepositoryFactory {

    private static final int MAX_FILES = 10_000;

    private final LocalRepositories repositories;
    private final PersonIdent identity;

    public LocalRepositoryFactory(LocalRepositories repositories, PersonIdent identity) {
        this.repositories = repositories;
        this.identity = identity;
    }

    /** Creates {@code <root>/<name>}; 409 when a repository of that name exists. */
    public LocalRepositoryInfo create(String name, String defaultBranch, Map<String, String> files) {
        String branch = BranchNames.shortName(defaultBranch == null || defaultBranch.isBlank() ? "main" : defaultBranch);
        Map<String, String> content = files == null ? Map.of() : files;
        if (content.size() > MAX_FILES) {
            throw GitProblems.invalid("At most " + MAX_FILES + " files can be given");
        }
        content.keySet().forEach(RepositoryPaths::requireSafe);
        repositories.reviewsDir(name);
        return repositories.withLock(name, () -> {
            Path dir = repositories.root().resolve(name);
            if (Files.exists(dir) || Files.exists(repositories.root().resolve(name + ".git"))) {
                throw GitProblems.conflict("A local repository named '" + name + "' exists already", null);
            }
            try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call()) {
                for (Map.Entry<String, String> file : content.entrySet()) {
                    Path target = dir.resolve(file.getKey()).normalize();
                    if (!target.startsWith(dir)) {
                        throw GitProblems.invalid("Invalid path '" + file.getKey() + "'");
                    }
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue() == null ? "" : file.getValue());
                }
                git.add().addFilepattern(".").call();
                RevCommit commit = git.commit().setMessage("Initial commit").setAuthor(identity)
                        .setCommitter(identity).setAllowEmpty(true).setSign(false).call();
                return new LocalRepositoryInfo(name, dir.toString(), false, branch, commit.name());
            } catch (GitAPIException | IOException e) {
                deleteQuietly(dir);
                throw new IllegalStateException("Cannot create local repository " + name + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                deleteQuietly(dir);
                throw e;
            }
        });
    }

    /** Every repository under the root, sorted by name. */
    public List<LocalRepositoryInfo> list() {
        List<LocalRepositoryInfo> all = new ArrayList<>();
        try (Stream<Path> entries = Files.list(repositories.root())) {
            for (Path entry : entries.sorted().toList()) {
                String folder = entry.getFileName().toString();
                if (folder.startsWith(".") || !Files.isDirectory(entry)) {
                    continue;
                }
                String name = folder.endsWith(".git") ? folder.substring(0, folder.length() - 4) : folder;
                try (Repository repository = repositories.open(name)) {
                    String head = repository.getFullBranch();
                    ObjectId id = repository.resolve("HEAD");
                    all.add(new LocalRepositoryInfo(name, entry.toString(), repository.isBare(),
                            head != null && head.startsWith(BranchNames.HEADS)
                                    ? head.substring(BranchNames.HEADS.length()) : head,
                            id == null ? null : id.name()));
                } catch (RuntimeException e) {
                    // Not a repository (or a name the API cannot address): not listed.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            }
        } catch (IOException ignored) {
            // best effort: the failure itself is reported to the caller
        }
    }
}
