package dev.codeagent.orchestrator.api;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.job.JobStore;
import dev.codeagent.orchestrator.workflow.ContextGatherer;
import dev.codeagent.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/orchestrators/{id}/context}: the context selection a job's variants were generated from — every
 * ranked file with its score, whether it was shown and why, the files left out and the repository map — so a
 * user can see why a file was or was not shown. Kept as a job artifact, so it outlives the job's working state.
 */
@RestController
@RequestMapping("/api/orchestrators")
public class JobContextController {

    private final JobStore jobs;
    private final ArtifactStore artifacts;

    public JobContextController(JobStore jobs, ArtifactStore artifacts) {
        this.jobs = jobs;
        this.artifacts = artifacts;
    }

    @GetMapping("/{id}/context")
    public ResponseEntity<byte[]> context(@PathVariable String id) {
        String safeId = id.replaceAll("[^A-Za-z0-9-]", "?");
        if (jobs.find(id).isEmpty()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Job not found",
                    "No job with id " + safeId);
        }
        byte[] selection = artifacts.get(ArtifactStore.jobPrefix(id) + ContextGatherer.SELECTION)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                        "No context selection", "Job " + safeId + " has no context selection (yet, or any more)"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(selection);
    }
}
