package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.patch.FollowUp;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.CheckProperties;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repair phase of a variant whose checks failed: llm-patch gets the variant's current files (at its latest
 * commit), what it changed so far and what failed ({@link FollowUp} {@code repair}), and its edits become the next
 * commit on the variant's branch. The model's answer is recorded before the commit, so a replay commits the same
 * repair; the commit is guarded by the variant's latest commit, so a replay after a lost answer finds the commit that
 * landed instead of committing twice. The calls count towards the variant's usage and the job's budgets.
 */
@Component
public class VariantRepairer {

    /** The most of the variant's earlier diffs sent along (the contract's limit). */
    private static final int MAX_PREVIOUS_DIFF = 200_000;
    private static final int MAX_LINES_PER_LIST = 20;

    private final JobStore jobs;
    private final VariantStore variants;
    private final AdapterClient adapter;
    private final VariantPatcher patcher;
    private final VariantPublisher publisher;
    private final ArtifactStore artifacts;
    private final Budgets budgets;
    private final CheckProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public VariantRepairer(JobStore jobs, VariantStore variants, AdapterClient adapter, VariantPatcher patcher,
            VariantPublisher publisher, ArtifactStore artifacts, Budgets budgets, CheckProperties properties,
            JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.variants = variants;
        this.adapter = adapter;
        this.patcher = patcher;
        this.publisher = publisher;
        this.artifacts = artifacts;
        this.budgets = budgets;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Generates (unless recorded already) and commits the repair of the failed round; the variant moves on to the
     * check of the new commit. A repair without edits is a permanent failure: nothing to check again.
     */
    public void repair(JobRecord job, VariantRecord v, CheckRound failed) {
        int round = v.checkRound() + 1;
        PatchResponse patch = variants.patch(job.id(), v.k()).map(p -> json.readValue(p, PatchResponse.class))
                .orElseGet(() -> generate(job, v, failed, round));
        String commit = publisher.ensureNextCommit(job, v, patch, commitMessage(round, failed, patch));
        variants.repaired(job.id(), v.k(), v.checkRound(), commit, patch.linesAdded(), patch.linesRemoved(),
                clock.instant());
    }

    private PatchResponse generate(JobRecord job, VariantRecord v, CheckRound failed, int round) {
        JobContext context = json.readValue(jobs.context(job.id()).orElseThrow(), JobContext.class);
        String prefix = JobReports.variantPrefix(job.id(), v.k());
        FollowUp followUp = new FollowUp(FollowUp.Kind.REPAIR, round, feedback(failed, properties.repairFeedbackChars()),
                previousDiff(prefix, round));
        PatchRequest request = new PatchRequest(job.id(), job.intent(), v.k(), job.variantsRequested(),
                context.pullRequest(), currentFiles(job, v, context, prefix, round), context.changedPaths(),
                context.tree(), job.repository().project(), budgets.of(job), followUp, context.repositoryMap(), null);
        VariantPatcher.Answer answer = patcher.ask(job, v.k(), request, stem(round), v.commitSha());
        PatchResponse patch = answer.patch();
        if (patch.changes() == null || patch.changes().isEmpty()) {
            variants.spent(job.id(), v.k(), ModelUsage.of(patch.calls()), clock.instant());
            throw new CallFailure("the model proposed no repair", 422, false, null, null, null);
        }
        variants.repairReady(job.id(), v.k(), v.checkRound(), answer.json(), ModelUsage.of(patch.calls()),
                clock.instant());
        return patch;
    }

    /**
     * The files the variant's change is about, as they are at its latest commit: those the job's context selected
     * and those the variant's patch and earlier repairs wrote. Deleted ones are simply absent; binary or cut-off
     * content is left out, since the model could not edit it faithfully.
     */
    private List<SourceFile> currentFiles(JobRecord job, VariantRecord v, JobContext context, String prefix,
            int round) {
        Set<String> paths = new LinkedHashSet<>();
        context.files().forEach(f -> paths.add(f.path()));
        for (int r = 0; r < round; r++) {
            changedPaths(prefix + stem(r) + JobReports.RESPONSE, paths);
        }
        List<SourceFile> files = new ArrayList<>();
        List<String> all = new ArrayList<>(paths);
        for (int i = 0; i < all.size(); i += 500) {
            for (FileContent file : adapter.contents(job.repository(),
                    new ContentsRequest(v.commitSha(), all.subList(i, Math.min(all.size(), i + 500)))).files()) {
                if (!file.binary() && !file.truncated() && file.content() != null) {
                    files.add(new SourceFile(file.path(), file.content()));
                }
            }
        }
        return files;
    }

    private void changedPaths(String key, Set<String> paths) {
        artifacts.get(key).map(p -> json.readValue(p, PatchResponse.class)).ifPresent(p -> {
            if (p.changes() != null) {
                p.changes().stream().map(FileChange::path).forEach(paths::add);
            }
        });
    }

    /** The variant's diff so far: its patch, then each repair's, within the contract's limit. */
    private String previousDiff(String prefix, int round) {
        StringBuilder diff = new StringBuilder();
        for (int r = 0; r < round; r++) {
            artifacts.get(prefix + stem(r) + VariantPatcher.DIFF)
                    .ifPresent(d -> diff.append(new String(d, StandardCharsets.UTF_8)));
        }
        if (diff.isEmpty()) {
            return null;
        }
        return diff.length() <= MAX_PREVIOUS_DIFF ? diff.toString() : diff.substring(0, MAX_PREVIOUS_DIFF);
    }

    /**
     * The artifacts of repair {@code round} are the variant's {@code repair-<round>-request.json} and so on; those of
     * round 0, its first patch, are {@code request.json} and so on.
     */
    private static String stem(int round) {
        return round == 0 ? "" : "repair-" + round + "-";
    }

    /**
     * What failed, for the model: each failing check's command and exit, its first error lines and its failing
     * tests, cut to {@code budget} characters (the first check first: later ones often fail because of it).
     */
    static String feedback(CheckRound failed, int budget) {
        StringBuilder out = new StringBuilder();
        for (CheckOutcome check : failed.checks()) {
            if (check.status() == CheckStatus.PASSED || check.status() == CheckStatus.SKIPPED) {
                continue;
            }
            out.append("Check `").append(check.name()).append("` ").append(describe(check)).append(": ")
                    .append(check.command()).append('\n');
            if (check.tests() != null) {
                out.append("Tests: ").append(check.tests().passed()).append(" passed, ").append(check.tests().failed())
                        .append(" failed, ").append(check.tests().skipped()).append(" skipped\n");
            }
            appendList(out, "First errors", check.errors());
            appendList(out, "Failing tests", check.failingTests());
            out.append('\n');
        }
        String text = out.toString().strip();
        if (text.isEmpty()) {
            text = "The checks failed without naming a failing check.";
        }
        return text.length() <= budget ? text : text.substring(0, budget - 20) + "\n… (output cut)";
    }

    private static void appendList(StringBuilder out, String title, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        out.append(title).append(":\n");
        lines.stream().limit(MAX_LINES_PER_LIST).forEach(l -> out.append("  ").append(l).append('\n'));
    }

    static String describe(CheckOutcome check) {
        return switch (check.status()) {
            case FAILED -> check.exitCode() == null ? "failed" : "failed (exit " + check.exitCode() + ")";
            case TIMED_OUT -> "timed out";
            case ERROR -> "could not run";
            case CANCELLED -> "was cancelled";
            case PASSED -> "passed";
            case SKIPPED -> "was skipped";
        };
    }

    /** "Repair 1: test" and the model's summary of what it changed. */
    static String commitMessage(int round, CheckRound failed, PatchResponse patch) {
        CheckOutcome first = failed.firstFailing();
        String subject = "Repair " + round + ": " + (first == null ? "checks" : first.name());
        return subject + "\n\n" + (first == null ? "" : "The check " + describe(first) + ": " + first.command()
                + "\n\n") + (patch.summary() == null ? "" : patch.summary().strip() + "\n\n")
                + "Model: " + patch.provider() + "/" + patch.model()
                + (patch.offline() ? " (" + CommentRenderer.OFFLINE_LABEL + ")" : "") + "\nJob: " + failed.jobId() + "\n";
    }
}
