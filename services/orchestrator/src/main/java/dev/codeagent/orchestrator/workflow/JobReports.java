package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.job.CheckStore;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.JobViews;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports kept in the artifact store: one per variant when it ends, one per job when it finishes. A report
 * is a copy of what the database holds, so failing to store one is logged and does not fail the workflow.
 */
@Component
public class JobReports {

    private static final Logger log = LoggerFactory.getLogger(JobReports.class);

    private final JobStore jobs;
    private final VariantStore variants;
    private final ArtifactStore artifacts;
    private final JsonMapper json;
    private final CheckStore checks;

    public JobReports(JobStore jobs, VariantStore variants, ArtifactStore artifacts, JsonMapper json,
            CheckStore checks) {
        this.checks = checks;
        this.jobs = jobs;
        this.variants = variants;
        this.artifacts = artifacts;
        this.json = json;
    }

    /** llm-patch's answer for a variant, under {@link #variantPrefix}. */
    static final String RESPONSE = "response.json";

    /** Where the artifacts of variant {@code k} live. */
    static String variantPrefix(String jobId, int k) {
        return ArtifactStore.jobPrefix(jobId) + "variant-" + k + "/";
    }

    public void variantEnded(String jobId, int k) {
        try {
            variants.variant(jobId, k).ifPresent(v -> artifacts.put(variantPrefix(jobId, k) + "report.json",
                    "application/json", json.writeValueAsBytes(
                            JobViews.variant(v, checks.rounds(jobId).getOrDefault(k, List.of())))));
        } catch (RuntimeException e) {
            log.warn("Report of job {} variant {} not stored: {}", jobId, k, e.getMessage());
        }
    }

    /**
     * The notes of each variant's change as llm-patch answered it (what was left out of the prompt, provider
     * fallbacks, refused edits), by variant; variants without a change or notes are absent. The answer is read
     * from the artifact store (the database keeps it only until the variant ends); an unreadable one only loses
     * its notes.
     */
    public Map<Integer, List<String>> notes(String jobId, List<VariantRecord> ended) {
        Map<Integer, List<String>> notes = new LinkedHashMap<>();
        for (VariantRecord v : ended) {
            try {
                artifacts.get(variantPrefix(jobId, v.k()) + RESPONSE)
                        .map(p -> json.readValue(p, PatchResponse.class).notes())
                        .filter(n -> !n.isEmpty()).ifPresent(n -> notes.put(v.k(), n));
            } catch (RuntimeException e) {
                log.warn("Notes of job {} variant {} not read: {}", jobId, v.k(), e.getMessage());
            }
        }
        return notes;
    }

    /** Variants do not change once the job finishes; only the job's final state is read back. */
    public void jobFinished(String jobId, List<VariantRecord> finalVariants) {
        try {
            jobs.find(jobId).ifPresent(job -> artifacts.put(ArtifactStore.jobPrefix(jobId) + "report.json",
                    "application/json", json.writeValueAsBytes(JobViews.job(job, finalVariants, checks.rounds(jobId)))));
        } catch (RuntimeException e) {
            log.warn("Report of job {} not stored: {}", jobId, e.getMessage());
        }
    }
}
