package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.NetChange;
import dev.codeagent.orchestrator.job.VariantRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a variant changed so far, for the model's next round (a repair or a {@code /refine}) and for its row in the
 * table. Each commit of a variant comes from one model answer kept as artifacts under the variant's prefix and a stem:
 * its first patch ({@code ""}), then, for check round r, {@code repair-<r>-} or, for a round that began with refine n,
 * {@code refine-<n>/}.
 */
@Component
public class VariantHistory {

    /** The most of the variant's earlier diffs sent along (the contract's limit). */
    static final int MAX_PREVIOUS_DIFF = 200_000;
    private static final int CONTENTS_BATCH = 500;

    private final AdapterClient adapter;
    private final ArtifactStore artifacts;
    private final JsonMapper json;

    public VariantHistory(AdapterClient adapter, ArtifactStore artifacts, JsonMapper json) {
        this.adapter = adapter;
        this.artifacts = artifacts;
        this.json = json;
    }

    static String repairStem(int round) {
        return round == 0 ? "" : "repair-" + round + "-";
    }

    static String refineStem(int round) {
        return "refine-" + round + "/";
    }

    /** The stems of the answers that became the variant's commits, oldest first. */
    static List<String> stems(VariantRecord v) {
        List<String> stems = new ArrayList<>(List.of(""));
        for (int r = 1; r <= v.checkRound(); r++) {
            int refine = v.refineCheckRounds().indexOf(r);
            stems.add(refine >= 0 ? refineStem(refine + 1) : repairStem(r));
        }
        return stems;
    }

    /** The answers behind the variant's commits, oldest first (those no longer stored left out). */
    List<PatchResponse> answers(JobRecord job, VariantRecord v) {
        String prefix = JobReports.variantPrefix(job.id(), v.k());
        List<PatchResponse> answers = new ArrayList<>();
        for (String stem : stems(v)) {
            artifacts.get(prefix + stem + JobReports.RESPONSE)
                    .ifPresent(bytes -> answers.add(json.readValue(bytes, PatchResponse.class)));
        }
        return answers;
    }

    /**
     * The files the variant's change is about, as they are at its latest commit: those the job's context selected
     * and those its answers wrote. Deleted ones are simply absent; binary or cut-off content is left out, since the
     * model could not edit it faithfully.
     */
    List<SourceFile> currentFiles(JobRecord job, VariantRecord v, JobContext context) {
        Set<String> paths = new LinkedHashSet<>();
        context.files().forEach(f -> paths.add(f.path()));
        paths.addAll(changedPaths(answers(job, v)));
        List<SourceFile> files = new ArrayList<>();
        contents(job, v.commitSha(), paths).values().forEach(file -> {
            if (!file.binary() && !file.truncated() && file.content() != null) {
                files.add(new SourceFile(file.path(), file.content()));
            }
        });
        return files;
    }

    /** The variant's diff so far, answer after answer, within the contract's limit; null when none is stored. */
    String previousDiff(JobRecord job, VariantRecord v) {
        String prefix = JobReports.variantPrefix(job.id(), v.k());
        StringBuilder diff = new StringBuilder();
        for (String stem : stems(v)) {
            artifacts.get(prefix + stem + VariantPatcher.DIFF)
                    .ifPresent(d -> diff.append(new String(d, StandardCharsets.UTF_8)));
        }
        if (diff.isEmpty()) {
            return null;
        }
        return diff.length() <= MAX_PREVIOUS_DIFF ? diff.toString() : diff.substring(0, MAX_PREVIOUS_DIFF);
    }

    /** Every path the answers wrote, renamed ones under both names. */
    static Set<String> changedPaths(List<PatchResponse> answers) {
        Set<String> paths = new LinkedHashSet<>();
        for (PatchResponse answer : answers) {
            for (FileChange change : answer.changes() == null ? List.<FileChange>of() : answer.changes()) {
                paths.add(change.path());
                if (change.changeType() == ChangeType.RENAME && change.originalPath() != null) {
                    paths.add(change.originalPath());
                }
            }
        }
        return paths;
    }

    /**
     * The variant at {@code commit} against the job's base commit, over the paths its answers wrote: how many of them
     * differ and by how many lines. Binary or cut-off files count as changed, without lines.
     */
    NetChange netChange(JobRecord job, String commit, Set<String> paths) {
        Map<String, FileContent> before = contents(job, job.baseCommit(), paths);
        Map<String, FileContent> after = contents(job, commit, paths);
        int files = 0;
        int added = 0;
        int removed = 0;
        for (String path : paths) {
            FileContent a = before.get(path);
            FileContent b = after.get(path);
            if (a == null && b == null || a != null && b != null && a.binary() == b.binary()
                    && a.size() == b.size() && Objects.equals(a.content(), b.content())) {
                continue;
            }
            files++;
            if (a != null && unreadable(a) || b != null && unreadable(b)) {
                continue;
            }
            LineDelta delta = LineDelta.between(a == null ? null : a.content(), b == null ? null : b.content());
            added += delta.added();
            removed += delta.removed();
        }
        return new NetChange(files, added, removed);
    }

    private static boolean unreadable(FileContent file) {
        return file.binary() || file.truncated() || file.content() == null;
    }

    /** The paths' contents at {@code commit}, by path; those missing there are absent. */
    private Map<String, FileContent> contents(JobRecord job, String commit, Set<String> paths) {
        Map<String, FileContent> byPath = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(paths);
        for (int i = 0; i < all.size(); i += CONTENTS_BATCH) {
            adapter.contents(job.repository(), new ContentsRequest(commit,
                    all.subList(i, Math.min(all.size(), i + CONTENTS_BATCH)))).files()
                    .forEach(f -> byPath.put(f.path(), f));
        }
        return byPath;
    }
}
