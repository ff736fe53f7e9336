package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.FileChange;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.job.ModelUsage;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
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
import java.util.ArrayList;
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
    private final AdapterClient adapter;
    private final LlmPatchClient llm;
    private final ArtifactStore artifacts;
    private final JsonMapper json;
    private final Budgets budgets;
    private final Clock clock;

    public VariantPatcher(JobStore jobs, VariantStore variants, AdapterClient adapter, LlmPatchClient llm,
            ArtifactStore artifacts, JsonMapper json, Budgets budgets, Clock clock) {
        this.adapter = adapter;
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
                budgets.of(job), null, context.repositoryMap(), null);
        Answer answer = ask(job, v.k(), request, "", job.baseCommit());
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
     * request that fails were spent all the same: they are added to the variant's usage and the job's budgets. An
     * answer that edits existing files it was not shown gets them, read at {@code filesCommit} (where the request's
     * files come from), and one more try ({@link #askedFor}).
     */
    Answer ask(JobRecord job, int k, PatchRequest request, String stem, String filesCommit) {
        String prefix = JobReports.variantPrefix(job.id(), k) + stem;
        artifacts.put(prefix + "request.json", "application/json", json.writeValueAsBytes(request));
        PatchResponse patch;
        try {
            patch = llm.patch(request);
        } catch (PatchFailure failure) {
            variants.spent(job.id(), k, ModelUsage.of(failure.calls()), clock.instant());
            if (failure.unseenFiles().isEmpty()) {
                throw failure;
            }
            patch = askedFor(job, k, request, failure.unseenFiles(), prefix, filesCommit);
        }
        String patchJson = json.writeValueAsString(patch);
        artifacts.put(prefix + JobReports.RESPONSE, "application/json", patchJson.getBytes(StandardCharsets.UTF_8));
        if (patch.diff() != null) {
            artifacts.put(prefix + DIFF, "text/x-diff", patch.diff().getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(patch, patchJson);
    }

    /**
     * The one extra round: the answer edited files that exist but were not shown, so they are fetched and the model
     * answers again with them. Recorded as the request artifact {@code request-2.json} and in the answer's notes; a
     * second such answer fails the variant (llm-patch does not ask twice).
     */
    private PatchResponse askedFor(JobRecord job, int k, PatchRequest first, List<String> unseen, String prefix,
            String filesCommit) {
        List<SourceFile> files = new ArrayList<>(first.files());
        files.removeIf(f -> unseen.contains(f.path()));
        FileContents contents = adapter.contents(job.repository(), new ContentsRequest(filesCommit, unseen));
        for (FileContent f : contents.files()) {
            if (!f.binary() && !f.truncated() && f.content() != null) {
                files.add(new SourceFile(f.path(), f.content()));
            }
        }
        PatchRequest again = new PatchRequest(first.jobId(), first.intent(), first.k(), first.n(), first.pullRequest(),
                files, first.changedPaths(), first.tree(), first.project(), first.budgets(), first.followUp(),
                first.repositoryMap(), unseen);
        artifacts.put(prefix + "request-2.json", "application/json", json.writeValueAsBytes(again));
        try {
            return llm.patch(again);
        } catch (PatchFailure failure) {
            variants.spent(job.id(), k, ModelUsage.of(failure.calls()), clock.instant());
            throw failure;
        }
    }

    /** The change recorded by {@link #generate}, for a commit phase that runs after a restart. */
    public PatchResponse recorded(JobRecord job, VariantRecord v) {
        return json.readValue(variants.patch(job.id(), v.k()).orElseThrow(), PatchResponse.class);
    }
}
