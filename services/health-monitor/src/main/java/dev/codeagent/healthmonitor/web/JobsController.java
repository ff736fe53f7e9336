package dev.codeagent.healthmonitor.web;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.healthmonitor.jobs.OrchestratorJobs;
import dev.codeagent.platform.web.ApiProblemException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private static final int MAX_LOG_LINES = 400;

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
        validId(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(jobs.job(id));
    }

    /**
     * The last {@code lines} lines of a variant's round of checks, for the job page's excerpt; the end of a build's
     * output is where it says what failed.
     */
    @GetMapping(value = "/api/jobs/{id}/variants/{k}/checks/{round}/log", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> checkLog(@PathVariable String id, @PathVariable int k, @PathVariable int round,
            @RequestParam(defaultValue = "40") int lines) {
        validId(id);
        if (k < 1 || round < 0 || lines < 1 || lines > MAX_LOG_LINES) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "k must be at least 1, round at least 0 and lines between 1 and " + MAX_LOG_LINES + ".");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(tail(jobs.checkLog(id, k, round), lines));
    }

    static String tail(String log, int lines) {
        String[] all = log.split("\\R", -1);
        int end = all.length > 0 && all[all.length - 1].isEmpty() ? all.length - 1 : all.length;
        int start = Math.max(0, end - lines);
        return String.join("\n", Arrays.asList(all).subList(start, end)) + (end > start ? "\n" : "");
    }

    private static void validId(String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "A job id consists of letters, digits, '.', '_', ':' or '-' (at most 128).");
        }
    }
}
