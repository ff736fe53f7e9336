package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.client.PatchFailure;
import dev.codeagent.orchestrator.client.LlmPatchClient;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.PatchSummary;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The patch phase of a variant: asks llm-patch for the variant's change from the job's stored context, keeps the
 * request, the answer and the diff as artifacts, and records the change with the variant (moving it on to the
 * commit phase). A change without edits fails the variant: there would be nothing to commit. The request carries the
 * {@link Budgets} left; llm-patch refuses a call that could exceed one with 422, which fails the variant at once.
 */
@Component
public class VariantPatcher {

    /** The diff of an answer, under the variant's prefix and the answer's stem. */
    static final String DIFF = "diff.patch";

    private final JobStore jobs;
    private final VariantStore variants;
    private final LlmPatchClient llm;
    private final ArtifactStore artifacts;
    private final JsonMapper json;
    private final Budgets budgets;
    private final Clock clock;

    public VariantPatcher(JobStore jobs, VariantStore variants, LlmPatchClient llm, ArtifactStore artifacts,
            JsonMapper json, Budgets budgets, Clock clock) {
        this.budgets = budgets;
        this.jobs = jobs;
        this.variants = variants;
        this.llm = llm;
        this.artifacts = artifacts;
        this.json = json;
        this.clock = clock;
    }

    public PatchResponse generate(JobRecord job, VariantRecord v) {
        JobContext context = json.readValue(jobs.context(job.id()).orElseThrow(), JobContext.class);
        PatchRequest request = new PatchRequest(job.id(), job.intent(), v.k(), job.variantsRequested(),
                context.pullRequest(), context.files(), context.changedPaths(), context.tree(), job.repository().project(),
                budgets.of(job));
        Answer answer = ask(job, v.k(), request, "");
        PatchResponse patch = answer.patch();
        List<FileChange> changes = patch.changes() == null ? List.of() : patch.changes();
        if (changes.isEmpty()) {
            throw new CallFailure("the model proposed no change for this variant", 422, false, null, null, null);
        }
        variants.patchReady(job.id(), v.k(), new PatchSummary(patch.strategy(), patch.summary(), changes.size(),
                patch.linesAdded(), patch.linesRemoved(), patch.provider(), patch.model(), patch.offline(),
                // An older llm-patch lists no calls: its usage is not known rather than zero.
                patch.calls().isEmpty() ? null : ModelUsage.of(patch.calls())),
                answer.json(), clock.instant());
        return patch;
    }

    /** llm-patch's answer and its JSON, as kept in the artifact store. */
    record Answer(PatchResponse patch, String json) {
    }

    /**
     * Asks llm-patch for a change of variant {@code k}, keeping the request, the answer and its diff as the variant's
     * artifacts {@code <stem>request.json}, {@code <stem>response.json} and {@code <stem>diff.patch}. Model calls of a
     * request that fails were spent all the same: they are added to the variant's usage and the job's budgets.
     */
    Answer ask(JobRecord job, int k, PatchRequest request, String stem) {
        String prefix = JobReports.variantPrefix(job.id(), k) + stem;
        artifacts.put(prefix + "request.json", "application/json", json.writeValueAsBytes(request));
        PatchResponse patch;
        try {
            patch = llm.patch(request);
        } catch (PatchFailure failure) {
            variants.spent(job.id(), k, ModelUsage.of(failure.calls()), clock.instant());
            throw failure;
        }
        String patchJson = json.writeValueAsString(patch);
        artifacts.put(prefix + JobReports.RESPONSE, "application/json", patchJson.getBytes(StandardCharsets.UTF_8));
        if (patch.diff() != null) {
            artifacts.put(prefix + DIFF, "text/x-diff", patch.diff().getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(patch, patchJson);
    }

    /** The change recorded by {@link #generate}, for a commit phase that runs after a restart. */
    public PatchResponse recorded(JobRecord job, VariantRecord v) {
        return json.readValue(variants.patch(job.id(), v.k()).orElseThrow(), PatchResponse.class);
    }
}
