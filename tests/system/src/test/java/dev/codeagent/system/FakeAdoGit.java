package dev.codeagent.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The git side of the fake Azure DevOps repository, kept in a real (bare) JGit repository so that pushes make real
 * commits and trees which the later calls (refs, commits, trees, items) see: what Refs - List, Refs - Update Refs,
 * Pushes - Create, Commits - Get, Trees - Get and Items - Get answer, in the Git 7.1 shapes. Callers hold the fake's
 * lock; this class is not thread-safe on its own.
 */
final class FakeAdoGit implements AutoCloseable {

    static final String ZERO = ObjectId.zeroId().name();

    private final Git git;
    private final Repository repository;
    private final String repositoryUrl;

    /** A change of a push: {@code changeType} add, edit, delete or rename ("edit, rename"), as Azure DevOps has it. */
    record Change(String changeType, String path, String sourcePath, byte[] content) {
    }

    /** Why Azure DevOps refuses a push or ref update, with its status and TF message. */
    static final class Refusal extends RuntimeException {
        final int status;
        final String typeKey;

        Refusal(int status, String typeKey, String message) {
            super(message);
            this.status = status;
            this.typeKey = typeKey;
        }
    }

    FakeAdoGit(Path dir, String repositoryUrl) {
        try {
            this.git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the fake's repository in " + dir, e);
        }
        this.repository = git.getRepository();
        this.repositoryUrl = repositoryUrl;
    }

    /** The commit {@code refs/heads/<branch>} points at, if the branch exists. */
    Optional<String> head(String fullRef) {
        try {
            Ref ref = repository.exactRef(fullRef);
            return ref == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refs - List: the refs whose name starts with {@code refs/<filter>}, sorted by name. */
    List<Map<String, Object>> refs(String filter) {
        try {
            List<Map<String, Object>> refs = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/" + (filter == null ? "" : filter))) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", ref.getName());
                json.put("objectId", ref.getObjectId().name());
                json.put("creator", FakeAzureDevOps.AGENT_IDENTITY);
                json.put("url", repositoryUrl + "/refs?filter=" + ref.getName().substring("refs/".length()));
                refs.add(json);
            }
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One ref update of Refs - Update Refs: applied when the ref is at {@code oldObjectId} (all zeros: absent) and
     * the new object exists; otherwise reported as {@code staleOldObjectId} and not applied, as Azure DevOps does.
     */
    Map<String, Object> updateRef(String name, String oldObjectId, String newObjectId) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("repositoryId", FakeAzureDevOps.REPOSITORY_ID);
        result.put("name", name);
        result.put("oldObjectId", oldObjectId);
        result.put("newObjectId", newObjectId);
        result.put("isLocked", false);
        String current = head(name).orElse(ZERO);
        boolean exists = exists(ObjectId.fromString(newObjectId));
        String status = !current.equals(oldObjectId) ? "staleOldObjectId"
                : !exists ? "invalidRefName" : move(name, oldObjectId, newObjectId) ? "succeeded" : "staleOldObjectId";
        result.put("updateStatus", status);
        result.put("success", status.equals("succeeded"));
        result.put("customMessage", null);
        return result;
    }

    private boolean exists(ObjectId id) {
        try {
            return repository.getObjectDatabase().has(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean move(String name, String oldObjectId, String newObjectId) {
        try {
            RefUpdate update = repository.updateRef(name);
            update.setExpectedOldObjectId(ObjectId.fromString(oldObjectId));
            update.setNewObjectId(ObjectId.fromString(newObjectId));
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            return result == RefUpdate.Result.NEW || result == RefUpdate.Result.FORCED
                    || result == RefUpdate.Result.FAST_FORWARD;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pushes - Create with one commit: the commit's changes applied to the tree of {@code oldObjectId} (the branch's
     * current head; all zeros for a new branch), then the ref moved. Returns the new commit's id.
     */
    String push(String refName, String oldObjectId, String comment, PersonIdent author, List<Change> changes) {
        String current = head(refName).orElse(ZERO);
        if (!current.equals(oldObjectId)) {
            throw new Refusal(409, "GitReferenceStaleException", "TF401028: The reference '" + refName
                    + "' has already been updated by another client, so you cannot update it. Please try again.");
        }
        String commit = commit(oldObjectId.equals(ZERO) ? null : oldObjectId, changes, comment, author);
        if (!move(refName, oldObjectId, commit)) {
            throw new Refusal(409, "GitReferenceStaleException", "TF401028: The reference '" + refName
                    + "' has already been updated by another client, so you cannot update it. Please try again.");
        }
        return commit;
    }

    /** A commit of {@code changes} on {@code parent} (null: a root commit), not on any ref yet. */
    String commit(String parent, List<Change> changes, String message, PersonIdent author) {
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository
                .newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            DirCache index = DirCache.newInCore();
            RevCommit parentCommit = parent == null ? null : walk.parseCommit(ObjectId.fromString(parent));
            if (parentCommit != null) {
                DirCacheBuilder builder = index.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parentCommit.getTree());
                builder.finish();
            }
            DirCacheEditor editor = index.editor();
            for (Change change : changes) {
                String path = strip(change.path());
                boolean present = index.findEntry(path) >= 0;
                String type = change.changeType();
                if (type.contains("rename")) {
                    String source = strip(change.sourcePath());
                    int at = index.findEntry(source);
                    if (at < 0) {
                        throw notFound(source);
                    }
                    ObjectId blob = change.content() != null ? inserter.insert(Constants.OBJ_BLOB, change.content())
                            : index.getEntry(at).getObjectId();
                    editor.add(new DirCacheEditor.DeletePath(source));
                    editor.add(blobAt(path, blob));
                } else if (type.equals("delete")) {
                    if (!present) {
                        throw notFound(path);
                    }
                    editor.add(new DirCacheEditor.DeletePath(path));
                } else if (type.equals("add") || type.equals("edit")) {
                    if (type.equals("add") && present) {
                        throw new Refusal(400, "GitItemAlreadyExistsException", "TF401203: The item '/" + path
                                + "' already exists.");
                    }
                    if (type.equals("edit") && !present) {
                        throw notFound(path);
                    }
                    editor.add(blobAt(path, inserter.insert(Constants.OBJ_BLOB, change.content())));
                } else {
                    throw new Refusal(400, "InvalidArgumentValueException", "Unsupported change type " + type);
                }
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (parentCommit != null) {
                commit.setParentId(parentCommit);
            }
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates or moves {@code fullRef} to {@code commit} without a check: how the test sets up the repository. */
    void setRef(String fullRef, String commit) {
        try {
            RefUpdate update = repository.updateRef(fullRef);
            update.setNewObjectId(ObjectId.fromString(commit));
            update.setForceUpdate(true);
            update.update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DirCacheEditor.PathEdit blobAt(String path, ObjectId blob) {
        return new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
            }
        };
    }

    private static Refusal notFound(String path) {
        return new Refusal(404, "GitItemNotFoundException", "TF401174: The item '/" + path
                + "' could not be found in the repository.");
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Commits - Get; empty when there is no such commit. */
    Optional<Map<String, Object>> commitJson(String id) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId objectId = ObjectId.fromString(id);
            if (!repository.getObjectDatabase().has(objectId)) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(objectId);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("treeId", commit.getTree().name());
            json.put("commitId", commit.name());
            json.put("author", person(commit.getAuthorIdent()));
            json.put("committer", person(commit.getCommitterIdent()));
            json.put("comment", commit.getFullMessage());
            json.put("parents", java.util.Arrays.stream(commit.getParents()).map(ObjectId::name).toList());
            json.put("url", repositoryUrl + "/commits/" + commit.name());
            return Optional.of(json);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trees - Get with {@code recursive=true}: folders and files, each with its path from the root. */
    Optional<Map<String, Object>> treeJson(String id) {
        try (TreeWalk walk = new TreeWalk(repository)) {
            ObjectId objectId = ObjectId.fromString(id);
            if (!repository.getObjectDatabase().has(objectId)) {
                return Optional.empty();
            }
            walk.addTree(objectId);
            List<Map<String, Object>> entries = new ArrayList<>();
            while (walk.next()) {
                boolean folder = walk.isSubtree();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("objectId", walk.getObjectId(0).name());
                entry.put("relativePath", walk.getPathString());
                entry.put("mode", Integer.toOctalString(walk.getRawMode(0)));
                entry.put("gitObjectType", folder ? "tree" : "blob");
                entry.put("url", repositoryUrl + (folder ? "/trees/" : "/blobs/") + walk.getObjectId(0).name());
                entry.put("size", folder ? 0 : repository.getObjectDatabase().open(walk.getObjectId(0)).getSize());
                entries.add(entry);
                if (folder) {
                    walk.enterSubtree();
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("objectId", objectId.name());
            json.put("url", repositoryUrl + "/trees/" + objectId.name());
            json.put("treeEntries", entries);
            json.put("size", entries.size());
            return Optional.of(json);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items - Get of one file at a commit, as its bytes; empty when the commit or the path does not exist. */
    Optional<byte[]> file(String commit, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = ObjectId.fromString(commit);
            if (!repository.getObjectDatabase().has(id)) {
                return Optional.empty();
            }
            try (TreeWalk tree = TreeWalk.forPath(repository, strip(path), walk.parseCommit(id).getTree())) {
                if (tree == null || tree.isSubtree()) {
                    return Optional.empty();
                }
                return Optional.of(repository.open(tree.getObjectId(0)).getBytes());
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files {@code to} changes against {@code from}: the change entries of a pull request iteration. */
    List<Map<String, Object>> changes(String from, String to) {
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.setRecursive(true);
            tree.addTree(walk.parseCommit(ObjectId.fromString(from)).getTree());
            tree.addTree(walk.parseCommit(ObjectId.fromString(to)).getTree());
            List<Map<String, Object>> entries = new ArrayList<>();
            int changeId = 1;
            for (DiffEntry diff : DiffEntry.scan(tree)) {
                boolean deleted = diff.getChangeType() == DiffEntry.ChangeType.DELETE;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("objectId", deleted ? null : diff.getNewId().name());
                item.put("originalObjectId", diff.getChangeType() == DiffEntry.ChangeType.ADD ? null
                        : diff.getOldId().name());
                item.put("path", "/" + (deleted ? diff.getOldPath() : diff.getNewPath()));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("changeTrackingId", changeId);
                entry.put("changeId", changeId++);
                entry.put("item", item);
                entry.put("changeType", switch (diff.getChangeType()) {
                    case ADD -> "add";
                    case DELETE -> "delete";
                    default -> "edit";
                });
                entries.add(entry);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] decode(String content, String contentType) {
        return "base64encoded".equalsIgnoreCase(contentType) ? Base64.getDecoder().decode(content)
                : content.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> person(PersonIdent person) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", person.getName());
        json.put("email", person.getEmailAddress());
        json.put("date", person.getWhenAsInstant().toString());
        return json;
    }

    static PersonIdent ident(String name, String email) {
        return new PersonIdent(name, email, Instant.now(), java.time.ZoneOffset.UTC);
    }

    @Override
    public void close() {
        git.close();
    }
}
