package dev.codeagent.healthmonitor.web;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.healthmonitor.jobs.OrchestratorJobs;
import dev.codeagent.platform.web.ApiProblemException;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Jobs for the dashboard, read from the orchestrator server-side. */
@RestController
class JobsController {

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final int MAX_TOP = 100;

    private final OrchestratorJobs jobs;

    JobsController(OrchestratorJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/jobs")
    ResponseEntity<JobPage> recent(@RequestParam(defaultValue = "20") int top) {
        if (top < 1 || top > MAX_TOP) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "top must be between 1 and " + MAX_TOP + ".");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(jobs.recent(top));
    }

    @GetMapping("/api/jobs/{id}")
    ResponseEntity<JobView> job(@PathVariable String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "A job id consists of letters, digits, '.', '_', ':' or '-' (at most 128).");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(jobs.job(id));
    }
}
