package dev.codeagent.orchestrator.workflow;

import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.job.JobViews;
import dev.codeagent.orchestrator.job.VariantRecord;
import dev.codeagent.orchestrator.job.VariantStore;
import java.util.List;
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

    public JobReports(JobStore jobs, VariantStore variants, ArtifactStore artifacts, JsonMapper json) {
        this.jobs = jobs;
        this.variants = variants;
        this.artifacts = artifacts;
        this.json = json;
    }

    /** Where the artifacts of variant {@code k} live. */
    static String variantPrefix(String jobId, int k) {
        return ArtifactStore.jobPrefix(jobId) + "variant-" + k + "/";
    }

    public void variantEnded(String jobId, int k) {
        try {
            variants.variant(jobId, k).ifPresent(v -> artifacts.put(variantPrefix(jobId, k) + "report.json",
                    "application/json", json.writeValueAsBytes(JobViews.variant(v))));
        } catch (RuntimeException e) {
            log.warn("Report of job {} variant {} not stored: {}", jobId, k, e.getMessage());
        }
    }

    /** Variants do not change once the job finishes; only the job's final state is read back. */
    public void jobFinished(String jobId, List<VariantRecord> finalVariants) {
        try {
            jobs.find(jobId).ifPresent(job -> artifacts.put(ArtifactStore.jobPrefix(jobId) + "report.json",
                    "application/json", json.writeValueAsBytes(JobViews.job(job, finalVariants))));
        } catch (RuntimeException e) {
            log.warn("Report of job {} not stored: {}", jobId, e.getMessage());
        }
    }
}
