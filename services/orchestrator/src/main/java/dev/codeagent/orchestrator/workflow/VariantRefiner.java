package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.patch.FollowUp;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.contracts.patch.PullRequestContext;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.job.FollowUpStore;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code /refine K} round: llm-patch changes variant K's current files again, told the user's feedback and the
 * variant's diff so far ({@link FollowUp} of kind refine), and the change lands as one new commit on the variant's
 * branch, guarded by the variant's recorded head so that a replayed round commits once. The files are those the
 * job's context selected plus every file the variant changed, read at the variant's commit ({@link VariantHistory},
 * as for a repair), with the tree of that commit. Once committed, the variant runs again from its check phase in a
 * new round of checks.
 */
@Component
public class VariantRefiner {

    private static final int MAX_FEEDBACK = 40_000;

    private final JobStore jobs;
    private final VariantStore variants;
    private final FollowUpStore followUps;
    private final VariantHistory history;
    private final AdapterClient adapter;
    private final VariantPatcher patcher;
    private final ArtifactStore artifacts;
    private final Budgets budgets;
    private final VariantPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    public VariantRefiner(JobStore jobs, VariantStore variants, FollowUpStore followUps, VariantHistory history,
            AdapterClient adapter, VariantPatcher patcher, ArtifactStore artifacts, Budgets budgets,
            VariantPublisher publisher, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.variants = variants;
        this.followUps = followUps;
        this.history = history;
        this.adapter = adapter;
        this.patcher = patcher;
        this.artifacts = artifacts;
        this.budgets = budgets;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Commits refine round {@code round} of the variant and sets the variant to be checked again; returns the new head,
     * or empty when {@code followUpId} was cancelled before anything was pushed.
     */
    public Optional<String> refine(JobRecord edit, VariantRecord v, int round, String feedback, String followUpId) {
        JobContext stored = stored(edit);
        String trimmed = feedback.length() > MAX_FEEDBACK ? feedback.substring(0, MAX_FEEDBACK) : feedback;
        PatchRequest request = new PatchRequest(edit.id(), edit.intent(), v.k(), edit.variantsRequested(),
                stored.pullRequest(), history.currentFiles(edit, v, stored), stored.changedPaths(),
                adapter.tree(edit.repository(), v.commitSha()).entries(), edit.repository().project(), budgets.of(edit),
                new FollowUp(FollowUp.Kind.REFINE, round, trimmed, history.previousDiff(edit, v)),
                stored.repositoryMap(), null);
        PatchResponse patch = patcher.ask(edit, v.k(), request, VariantHistory.refineStem(round), v.commitSha())
                .patch();
        variants.spent(edit.id(), v.k(), ModelUsage.of(patch.calls()), clock.instant());
        if (patch.changes() == null || patch.changes().isEmpty()) {
            throw new CallFailure("the model proposed no change for this feedback", 422, false, null, null, null);
        }
        // A /cancel of this thread that arrived during the model call: nothing is pushed.
        if (jobs.find(followUpId).map(JobRecord::cancelRequested).orElse(true)) {
            return Optional.empty();
        }
        String commit = commit(edit, v, round, trimmed, patch);
        List<PatchResponse> answers = new ArrayList<>(history.answers(edit, v));
        answers.add(patch);
        followUps.refined(v, round, commit, history.netChange(edit, commit, VariantHistory.changedPaths(answers)),
                clock.instant());
        return Optional.of(commit);
    }

    /**
     * The round's commit, "Refine r: <first line of the feedback>", through {@link VariantPublisher#ensureNextCommit}:
     * guarded by the variant's recorded head, so a replay after a lost answer never commits twice.
     */
    private String commit(JobRecord edit, VariantRecord v, int round, String feedback, PatchResponse patch) {
        String firstLine = feedback.strip().lines().findFirst().orElse("").strip();
        String message = "Refine " + round + ": " + (firstLine.length() > 72 ? firstLine.substring(0, 71) + "…"
                : firstLine) + "\n\n" + (patch.summary() == null ? "" : patch.summary().strip() + "\n\n")
                + "Model: " + patch.provider() + "/" + patch.model() + "\nJob: " + edit.id() + " variant " + v.k()
                + "\n";
        return publisher.ensureNextCommit(edit, v, patch, message);
    }

    /** The variant pull request's description after round {@code round}, with the round's feedback (idempotent). */
    public void describe(JobRecord edit, VariantRecord refined, int round, String feedback) {
        publisher.describeRefined(edit, refined, round, feedback);
    }

    /** The context the edit job ran with, for the job to run again with. */
    String contextJson(JobRecord edit) {
        return json.writeValueAsString(stored(edit));
    }

    /** The job's context as stored with its artifacts (the job's own copy is dropped when it finishes). */
    private JobContext stored(JobRecord edit) {
        Optional<byte[]> bytes = artifacts.get(ArtifactStore.jobPrefix(edit.id()) + "context.json");
        if (bytes.isPresent()) {
            return json.readValue(bytes.get(), JobContext.class);
        }
        return new JobContext(new PullRequestContext(edit.pullRequestId(), edit.prTitle(), null, edit.sourceRef(),
                edit.targetRef()), List.of(), List.of(), List.of());
    }
}
