package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.patch.FollowUp;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.contracts.patch.PullRequestContext;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.client.LlmPatchClient;
import dev.codeagent.orchestrator.client.PatchFailure;
import dev.codeagent.orchestrator.job.FollowUpStore;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code /refine K} round: llm-patch changes variant K's current files again, told the user's feedback and the
 * variant's diff so far ({@link FollowUp} of kind refine), and the change lands as one new commit on the variant's
 * branch, guarded by the variant's recorded head so that a replayed round commits once. The files are those the
 * job's context selected plus every file the variant changed, read at the variant's commit.
 */
@Component
public class VariantRefiner {

    private static final int MAX_FEEDBACK = 40_000;
    private static final int MAX_PREVIOUS_DIFF = 200_000;

    private final JobStore jobs;
    private final VariantStore variants;
    private final FollowUpStore followUps;
    private final AdapterClient adapter;
    private final LlmPatchClient llm;
    private final ArtifactStore artifacts;
    private final Budgets budgets;
    private final ContextGatherer context;
    private final VariantPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    public VariantRefiner(JobStore jobs, VariantStore variants, FollowUpStore followUps, AdapterClient adapter,
            LlmPatchClient llm, ArtifactStore artifacts, Budgets budgets, ContextGatherer context,
            VariantPublisher publisher, JsonMapper json, Clock clock) {
        this.publisher = publisher;
        this.jobs = jobs;
        this.variants = variants;
        this.followUps = followUps;
        this.adapter = adapter;
        this.llm = llm;
        this.artifacts = artifacts;
        this.budgets = budgets;
        this.context = context;
        this.json = json;
        this.clock = clock;
    }

    /** The new head of the variant, or empty when {@code followUp} was cancelled before anything was pushed. */
    public Optional<String> refine(JobRecord edit, VariantRecord v, int round, String feedback, String followUpId) {
        JobContext stored = stored(edit);
        List<PatchResponse> earlier = earlierAnswers(edit.id(), v.k(), round);
        Set<String> paths = new LinkedHashSet<>();
        stored.files().forEach(f -> paths.add(f.path()));
        StringBuilder previousDiff = new StringBuilder();
        for (PatchResponse answer : earlier) {
            for (FileChange change : answer.changes() == null ? List.<FileChange>of() : answer.changes()) {
                if (change.changeType() == ChangeType.DELETE) {
                    paths.remove(change.path());
                } else {
                    paths.add(change.path());
                }
            }
            if (answer.diff() != null) {
                previousDiff.append(answer.diff());
            }
        }
        String diff = previousDiff.length() > MAX_PREVIOUS_DIFF ? previousDiff.substring(0, MAX_PREVIOUS_DIFF)
                : previousDiff.toString();
        String trimmed = feedback.length() > MAX_FEEDBACK ? feedback.substring(0, MAX_FEEDBACK) : feedback;
        PatchRequest request = new PatchRequest(edit.id(), edit.intent(), v.k(), edit.variantsRequested(),
                stored.pullRequest(), context.contents(edit, v.commitSha(), new ArrayList<>(paths)),
                stored.changedPaths(),
                adapter.tree(edit.repository(), v.commitSha()).entries(), edit.repository().project(),
                budgets.of(edit), new FollowUp(FollowUp.Kind.REFINE, round, trimmed, diff.isEmpty() ? null : diff));
        String prefix = roundPrefix(edit.id(), v.k(), round);
        artifacts.put(prefix + "request.json", "application/json", json.writeValueAsBytes(request));
        PatchResponse patch;
        try {
            patch = llm.patch(request);
        } catch (PatchFailure failure) {
            variants.spent(edit.id(), v.k(), ModelUsage.of(failure.calls()), clock.instant());
            throw failure;
        }
        variants.spent(edit.id(), v.k(), ModelUsage.of(patch.calls()), clock.instant());
        artifacts.put(prefix + JobReports.RESPONSE, "application/json", json.writeValueAsBytes(patch));
        if (patch.changes() == null || patch.changes().isEmpty()) {
            throw new CallFailure("the model proposed no change for this feedback", 422, false, null, null, null);
        }
        // A /cancel of this thread that arrived during the model call: nothing is pushed.
        if (jobs.find(followUpId).map(JobRecord::cancelRequested).orElse(true)) {
            return Optional.empty();
        }
        String commit = commit(edit, v, round, trimmed, patch);
        Set<String> changed = new LinkedHashSet<>();
        int added = 0;
        int removed = 0;
        for (PatchResponse answer : withLatest(earlier, patch)) {
            answer.changes().forEach(c -> changed.add(c.path()));
            added += answer.linesAdded();
            removed += answer.linesRemoved();
        }
        followUps.refined(edit.id(), v.k(), round, commit, changed.size(), added, removed, clock.instant());
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

    private JobContext stored(JobRecord edit) {
        Optional<byte[]> bytes = artifacts.get(ArtifactStore.jobPrefix(edit.id()) + "context.json");
        if (bytes.isPresent()) {
            return json.readValue(bytes.get(), JobContext.class);
        }
        return new JobContext(new PullRequestContext(edit.pullRequestId(), edit.prTitle(), null, edit.sourceRef(),
                edit.targetRef()), List.of(), List.of(), List.of());
    }

    /** The variant's first answer and those of the refine rounds before {@code round}, in order. */
    private List<PatchResponse> earlierAnswers(String jobId, int k, int round) {
        List<PatchResponse> answers = new ArrayList<>();
        artifacts.get(JobReports.variantPrefix(jobId, k) + JobReports.RESPONSE)
                .ifPresent(bytes -> answers.add(json.readValue(bytes, PatchResponse.class)));
        for (int r = 1; r < round; r++) {
            artifacts.get(roundPrefix(jobId, k, r) + JobReports.RESPONSE)
                    .ifPresent(bytes -> answers.add(json.readValue(bytes, PatchResponse.class)));
        }
        return answers;
    }

    private static List<PatchResponse> withLatest(List<PatchResponse> earlier, PatchResponse latest) {
        List<PatchResponse> all = new ArrayList<>(earlier);
        all.add(latest);
        return all.stream().filter(a -> a.changes() != null).toList();
    }

    private static String roundPrefix(String jobId, int k, int round) {
        return JobReports.variantPrefix(jobId, k) + "refine-" + round + "/";
    }
}
