package dev.codeagent.llmpatch.engine;

import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.FileResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a model answer to files: parse, check every path against the {@link PathPolicy} (which also protects
 * the templates of the pipelines among the files), apply each file's edits in order, then check the result
 * (size, conflict markers, text). Deterministic and free of I/O, so the
 * same answer on the same files always gives the same result.
 */
public final class PatchEngine {

    private final EditParser parser = new EditParser();
    private final BlockApplier applier = new BlockApplier();
    private final PathPolicy policy;
    private final long maxFileBytes;

    public PatchEngine(PathPolicy policy, long maxFileBytes) {
        this.policy = policy;
        this.maxFileBytes = maxFileBytes;
    }

    public EngineResult apply(Map<String, String> files, String answer, EditFormat format) {
        return apply(files, parser.parse(answer, format));
    }

    /**
     * This engine, also refusing edits of {@code reasons}' paths (files the model was not shown: an edit of them
     * would be blind, a whole-file answer would overwrite them).
     */
    public PatchEngine withholding(Map<String, String> reasons) {
        return reasons.isEmpty() ? this : new PatchEngine(policy.withholding(reasons), maxFileBytes);
    }

    public EngineResult apply(Map<String, String> files, List<Edit> edits) {
        Map<String, List<Edit>> byPath = new LinkedHashMap<>();
        List<FileResult> results = new ArrayList<>();
        List<BlockFailure> failures = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        Map<String, String> partial = new LinkedHashMap<>();
        if (edits.isEmpty()) {
            results.add(new FileResult(null, FileResult.FAILED, null,
                    "no edits found: expected SEARCH/REPLACE blocks, a unified diff or whole-file blocks"));
            failures.add(new BlockFailure(null, 0, List.of(), "no edits found in the answer", null));
            return new EngineResult(changed, results, failures, partial, refused);
        }
        PathPolicy effective = policy.withTemplatesOf(files);
        for (Edit edit : edits) {
            if (edit.path() == null) {
                String reason = edit instanceof Edit.Malformed m ? m.reason() : "missing file path";
                results.add(new FileResult(null, FileResult.FAILED, null, reason));
                failures.add(new BlockFailure(null, edit.ordinal(), List.of(), reason, null));
                continue;
            }
            PathPolicy.Verdict verdict = effective.check(edit.path());
            if (!verdict.allowed()) {
                // Refused paths are reported once each and never reach the file map.
                String key = "\u0000" + edit.path();
                if (!byPath.containsKey(key)) {
                    byPath.put(key, new ArrayList<>());
                    results.add(new FileResult(edit.path(), FileResult.FAILED, null, "rejected: " + verdict.violation()));
                    if (verdict.protectedPath()) {
                        refused.put(verdict.path(), verdict.violation());
                    } else {
                        failures.add(new BlockFailure(edit.path(), edit.ordinal(), List.of(),
                                "rejected: " + verdict.violation(), null));
                    }
                }
                continue;
            }
            byPath.computeIfAbsent(verdict.path(), p -> new ArrayList<>()).add(edit);
        }
        for (Map.Entry<String, List<Edit>> entry : byPath.entrySet()) {
            if (entry.getKey().startsWith("\u0000")) {
                continue;
            }
            applyToFile(entry.getKey(), files.get(entry.getKey()), entry.getValue(), results, failures, changed, partial);
        }
        return new EngineResult(changed, results, failures, partial, refused);
    }

    private void applyToFile(String path, String original, List<Edit> edits, List<FileResult> results,
            List<BlockFailure> failures, Map<String, String> changed, Map<String, String> partial) {
        if (original != null && original.indexOf('\u0000') >= 0) {
            fail(path, edits.get(0).ordinal(), "file is binary, only UTF-8 text files can be edited", results, failures);
            return;
        }
        TextFile current = original == null ? null : TextFile.parse(original);
        MatchStrategy weakest = null;
        List<String> reasons = new ArrayList<>();
        int failuresBefore = failures.size();
        for (Edit edit : edits) {
            Step step = step(path, current, edit);
            if (step.failure != null) {
                reasons.add(step.failure);
                failures.add(new BlockFailure(path, edit.ordinal(), searchOf(edit), step.failure, step.closest));
                continue;
            }
            current = step.file;
            if (weakest == null || step.strategy.ordinal() > weakest.ordinal()) {
                weakest = step.strategy;
            }
        }
        String content = current == null ? null : current.render();
        if (reasons.isEmpty() && content != null) {
            String problem = checkResult(original, content);
            if (problem != null) {
                reasons.add(problem);
                failures.add(new BlockFailure(path, edits.get(0).ordinal(), List.of(), problem, null));
            }
        }
        partial.put(path, content);
        if (failures.size() > failuresBefore) {
            results.add(new FileResult(path, FileResult.FAILED, weakest == null ? null : weakest.label(),
                    String.join("; ", reasons)));
            return;
        }
        changed.put(path, content);
        String status = content == null ? FileResult.DELETED
                : original == null ? FileResult.CREATED : FileResult.APPLIED;
        results.add(new FileResult(path, status, weakest.label(), null));
    }

    private record Step(TextFile file, MatchStrategy strategy, String failure, String closest) {
        static Step failed(String reason) {
            return new Step(null, null, reason, null);
        }
    }

    private Step step(String path, TextFile current, Edit edit) {
        String label = "block " + edit.ordinal();
        if (edit instanceof Edit.Malformed m) {
            return Step.failed(m.reason());
        }
        if (edit instanceof Edit.Delete) {
            return current == null
                    ? Step.failed(label + ": cannot delete " + path + ", it does not exist")
                    : new Step(null, MatchStrategy.DELETE, null, null);
        }
        if (edit instanceof Edit.Create c) {
            return current != null && !current.lines().isEmpty()
                    ? Step.failed(label + ": cannot create " + path + ", it already exists")
                    : new Step(created(c.content()), MatchStrategy.CREATE, null, null);
        }
        if (edit instanceof Edit.WholeFile w) {
            return current == null
                    ? new Step(created(w.content()), MatchStrategy.WHOLE_FILE, null, null)
                    : new Step(new TextFile(new ArrayList<>(w.content()), current.eol(), true),
                            MatchStrategy.WHOLE_FILE, null, null);
        }
        return searchReplace(path, current, (Edit.SearchReplace) edit, label);
    }

    private Step searchReplace(String path, TextFile current, Edit.SearchReplace sr, String label) {
        boolean emptySearch = sr.search().stream().allMatch(String::isBlank);
        if (emptySearch) {
            if (current == null || current.lines().stream().allMatch(String::isBlank)) {
                return new Step(created(trimBlankEdges(sr.replace())), MatchStrategy.CREATE, null, null);
            }
            return Step.failed(label + ": empty SEARCH creates a file, but " + path
                    + " already exists; quote the lines to change");
        }
        if (current == null) {
            return Step.failed(label + ": " + path + " does not exist; use an empty SEARCH to create it");
        }
        BlockApplier.Result result = applier.apply(current.lines(), sr.search(), sr.replace());
        if (!result.ok()) {
            return new Step(null, null, label + ": " + result.failure(), result.closest());
        }
        if (result.lines().stream().allMatch(String::isBlank) && sr.replace().stream().allMatch(String::isBlank)) {
            // SEARCH covered the whole file and REPLACE is empty: the documented way to delete in this format.
            return new Step(null, MatchStrategy.DELETE, null, null);
        }
        return new Step(current.withLines(result.lines()), result.strategy(), null, null);
    }

    private static TextFile created(List<String> content) {
        return new TextFile(new ArrayList<>(content), "\n", !content.isEmpty());
    }

    private static List<String> trimBlankEdges(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    private String checkResult(String original, String content) {
        if (content.getBytes(StandardCharsets.UTF_8).length > maxFileBytes) {
            return "result is larger than the limit of " + maxFileBytes + " bytes";
        }
        if (content.indexOf('\u0000') >= 0) {
            return "result contains NUL characters; only UTF-8 text is allowed";
        }
        if (conflictMarkers(content) > (original == null ? 0 : conflictMarkers(original))) {
            return "result would contain merge-conflict or edit markers (<<<<<<< / >>>>>>>)";
        }
        return null;
    }

    private static int conflictMarkers(String content) {
        int count = 0;
        for (String line : TextFile.splitLines(content)) {
            if (line.startsWith("<<<<<<<") || line.startsWith(">>>>>>>")) {
                count++;
            }
        }
        return count;
    }

    private static List<String> searchOf(Edit edit) {
        return edit instanceof Edit.SearchReplace sr ? sr.search() : List.of();
    }

    private static void fail(String path, int ordinal, String reason, List<FileResult> results,
            List<BlockFailure> failures) {
        results.add(new FileResult(path, FileResult.FAILED, null, reason));
        failures.add(new BlockFailure(path, ordinal, List.of(), reason, null));
    }
}
