package dev.codeagent.orchestrator.api;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobFilter;
import dev.codeagent.platform.web.ApiProblemException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The Durable-Functions-style job API. */
@RestController
@RequestMapping("/api/orchestrators")
public class OrchestratorController {

    private static final int MAX_TOP = 200;

    private final JobService jobs;
    private final WorkflowProperties properties;

    public OrchestratorController(JobService jobs, WorkflowProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    /** 202 with Location for a new job; 200 with {@code created=false} when the key already had one. */
    @PostMapping("/edit-variants")
    public ResponseEntity<StartJobResponse> start(@Valid @RequestBody StartJobRequest request) {
        JobService.Started started = jobs.start(request);
        String id = started.jobId();
        String base = baseUrl();
        StartJobResponse body = new StartJobResponse(id, base + "/api/orchestrators/" + id,
                base + "/api/orchestrators/" + id + "/terminate", started.created());
        return ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(body.statusQueryGetUri()))
                .body(body);
    }

    @GetMapping("/{id}")
    public JobView status(@PathVariable String id) {
        return jobs.view(id);
    }

    @GetMapping
    public JobPage list(@RequestParam(required = false) String runtimeStatus,
            @RequestParam(required = false) String repository,
            @RequestParam(required = false) Integer top,
            @RequestParam(required = false) String continuationToken) {
        int limit = top == null ? 50 : top;
        if (limit < 1 || limit > MAX_TOP) {
            throw invalid("top must be between 1 and " + MAX_TOP);
        }
        if (repository != null && (repository.length() > 800 || repository.split("/").length > 3)) {
            throw invalid("repository must be name, project/name or organization/project/name");
        }
        return jobs.list(new JobFilter(statuses(runtimeStatus), repository), continuationToken, limit);
    }

    @PostMapping("/{id}/terminate")
    public ResponseEntity<JobView> terminate(@PathVariable String id,
            @RequestParam(required = false) String reason) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.terminate(id, reason));
    }

    private String baseUrl() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static Set<RuntimeStatus> statuses(String runtimeStatus) {
        if (runtimeStatus == null || runtimeStatus.isBlank()) {
            return Set.of();
        }
        Set<RuntimeStatus> statuses = EnumSet.noneOf(RuntimeStatus.class);
        for (String value : runtimeStatus.split(",")) {
            String name = value.strip();
            statuses.add(Arrays.stream(RuntimeStatus.values()).filter(s -> s.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> invalid("runtimeStatus must be one of " + Arrays.toString(RuntimeStatus.values()))));
        }
        return statuses;
    }

    private static ApiProblemException invalid(String detail) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid query", detail);
    }
}
