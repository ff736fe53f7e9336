package dev.codeagent.adapter.local;

import dev.codeagent.adapter.provider.FileChangeContent;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.RepositoryPaths;
import dev.codeagent.contracts.git.FileChange;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;

/**
 * Builds the tree of a new commit from its parent's tree and a list of file changes, entirely in memory:
 * the working tree and index of a non-bare repository are never touched. Each change is checked against
 * the parent the way Azure DevOps checks a push (add needs a new path, edit/delete/rename an existing one).
 */
final class TreeEditor {

    private TreeEditor() {
    }

    static ObjectId apply(ObjectReader reader, ObjectInserter inserter, RevTree parentTree, List<FileChange> changes)
            throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parentTree);
        builder.finish();

        for (FileChange change : changes) {
            String path = RepositoryPaths.requireSafe(change.path());
            switch (change.changeType()) {
                case ADD -> {
                    requireFree(index, path);
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, FileChangeContent.bytes(change));
                    edit(index, path, blob, FileMode.REGULAR_FILE);
                }
                case EDIT -> {
                    DirCacheEntry existing = requireFile(index, path, "edit");
                    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, FileChangeContent.bytes(change));
                    edit(index, path, blob, existing.getFileMode());
                }
                case DELETE -> {
                    requireFile(index, path, "delete");
                    DirCacheEditor editor = index.editor();
                    editor.add(new DirCacheEditor.DeletePath(path));
                    editor.finish();
                }
                case RENAME -> {
                    if (change.originalPath() == null) {
                        throw GitProblems.invalid("Rename of '" + path + "' needs originalPath");
                    }
                    String original = RepositoryPaths.requireSafe(change.originalPath());
                    DirCacheEntry existing = requireFile(index, original, "rename");
                    ObjectId blob = change.content() == null ? existing.getObjectId()
                            : inserter.insert(Constants.OBJ_BLOB, FileChangeContent.bytes(change));
                    FileMode mode = existing.getFileMode();
                    DirCacheEditor editor = index.editor();
                    editor.add(new DirCacheEditor.DeletePath(original));
                    editor.finish();
                    requireFree(index, path);
                    edit(index, path, blob, mode);
                }
                default -> throw GitProblems.invalid("Unsupported change type " + change.changeType());
            }
        }
        return index.writeTree(inserter);
    }

    private static void edit(DirCache index, String path, ObjectId blob, FileMode mode) {
        DirCacheEditor editor = index.editor();
        editor.add(new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(mode);
                entry.setObjectId(blob);
            }
        });
        editor.finish();
    }

    private static DirCacheEntry requireFile(DirCache index, String path, String action) {
        DirCacheEntry entry = index.getEntry(path);
        if (entry == null) {
            throw GitProblems.unprocessable("Cannot " + action + " '" + path + "': no such file at the expected head");
        }
        if (entry.getFileMode() == FileMode.GITLINK) {
            throw GitProblems.unprocessable("Cannot " + action + " '" + path + "': it is a submodule");
        }
        return entry;
    }

    private static void requireFree(DirCache index, String path) {
        if (index.getEntry(path) != null) {
            throw GitProblems.unprocessable("Cannot add '" + path + "': the file exists already (use edit)");
        }
        if (index.getEntriesWithin(path).length > 0) {
            throw GitProblems.unprocessable("Cannot add '" + path + "': a folder of that name exists");
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (index.getEntry(path.substring(0, slash)) != null) {
                throw GitProblems.unprocessable("Cannot add '" + path + "': '" + path.substring(0, slash)
                        + "' is a file");
            }
        }
    }
}
