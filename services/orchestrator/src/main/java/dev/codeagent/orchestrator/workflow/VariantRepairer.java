package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.check.CheckOutcome;
import dev.codeagent.contracts.check.CheckStatus;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.patch.FollowUp;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.config.CheckProperties;
import dev.codeagent.orchestrator.job.CheckRound;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repair phase of a variant whose checks failed: llm-patch gets the variant's current files (at its latest
 * commit), what it changed so far and what failed ({@link FollowUp} {@code repair}), and its edits become the next
 * commit on the variant's branch; the variant's row then counts its change against the base at that commit. The
 * model's answer is recorded before the commit, so a replay commits the same repair; the commit is guarded by the
 * variant's latest commit, so a replay after a lost answer finds the commit that landed instead of committing twice.
 * The calls count towards the variant's usage and the job's budgets.
 */
@Component
public class VariantRepairer {

    private static final int MAX_LINES_PER_LIST = 20;

    private final JobStore jobs;
    private final VariantStore variants;
    private final VariantHistory history;
    private final VariantPatcher patcher;
    private final VariantPublisher publisher;
    private final Budgets budgets;
    private final CheckProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public VariantRepairer(JobStore jobs, VariantStore variants, VariantHistory history, VariantPatcher patcher,
            VariantPublisher publisher, Budgets budgets, CheckProperties properties, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.variants = variants;
        this.history = history;
        this.patcher = patcher;
        this.publisher = publisher;
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
        String commit = publisher.ensureNextCommit(job, v, patch, commitMessage(v.repairs() + 1, failed, patch));
        List<PatchResponse> answers = new ArrayList<>(history.answers(job, v));
        answers.add(patch);
        variants.repaired(job.id(), v.k(), v.checkRound(), commit,
                history.netChange(job, commit, VariantHistory.changedPaths(answers)), clock.instant());
    }

    private PatchResponse generate(JobRecord job, VariantRecord v, CheckRound failed, int round) {
        JobContext context = json.readValue(jobs.context(job.id()).orElseThrow(), JobContext.class);
        FollowUp followUp = new FollowUp(FollowUp.Kind.REPAIR, round,
                feedback(failed, properties.repairFeedbackChars()), history.previousDiff(job, v));
        PatchRequest request = new PatchRequest(job.id(), job.intent(), v.k(), job.variantsRequested(),
                context.pullRequest(), history.currentFiles(job, v, context), context.changedPaths(),
                context.tree(), job.repository().project(), budgets.of(job), followUp, context.repositoryMap(), null);
        VariantPatcher.Answer answer = patcher.ask(job, v.k(), request, VariantHistory.repairStem(round),
                v.commitSha());
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
