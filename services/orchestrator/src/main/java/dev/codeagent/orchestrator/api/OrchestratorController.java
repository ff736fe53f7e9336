package dev.codeagent.orchestrator.api;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.command.StartJobBatchItem;
import dev.codeagent.contracts.command.StartJobBatchRequest;
import dev.codeagent.contracts.command.StartJobBatchResponse;
import dev.codeagent.contracts.command.StartJobBatchResult;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.contracts.command.StartJobResponse;
import dev.codeagent.contracts.job.JobPage;
import dev.codeagent.contracts.job.JobView;
import dev.codeagent.contracts.job.RuntimeStatus;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobFilter;
import dev.codeagent.platform.web.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** The Durable-Functions-style job API. */
@RestController
@RequestMapping("/api/orchestrators")
public class OrchestratorController {

    private static final int MAX_TOP = 200;

    private final JobService jobs;
    private final WorkflowProperties properties;
    private final ObjectReader batchReader;
    private final ObjectWriter batchWriter;

    public OrchestratorController(JobService jobs, WorkflowProperties properties, JsonMapper jsonMapper) {
        this.jobs = jobs;
        this.properties = properties;
        this.batchReader = jsonMapper.readerFor(StartJobBatchRequest.class);
        this.batchWriter = jsonMapper.writerFor(StartJobBatchResponse.class);
    }

    /**
     * 202 with Location for a new job; 200 with {@code created=false} when the key already had one; 503 with
     * {@code Retry-After} when the queue is full ({@code CODEAGENT_MAX_QUEUED_JOBS}).
     */
    @PostMapping("/edit-variants")
    public ResponseEntity<StartJobResponse> start(@Valid @RequestBody StartJobRequest request) {
        StartJobResponse body = jobs.start(request).map(started -> response(started, baseUrl()),
                invalid -> {
                    throw new IllegalStateException("the single start validates by throwing");
                },
                refused -> {
                    throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                            JobService.AT_CAPACITY_TITLE, refused.detail(), refused.retryAfter(), Map.of(), null);
                });
        return ResponseEntity.status(body.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(body.statusQueryGetUri()))
                .body(body);
    }

    /**
     * Several commands in one call (the gateway's hand-off under load): 200 with one result per item, in
     * order — 202/200 with the job as the single start answers it, 400 with why the item is invalid, or 503 when
     * the queue is full.
     *
     * <p>This is the orchestrator's hottest endpoint, so it reads and writes its JSON itself, with a reader
     * and writer of the application's mapper made once: Spring MVC's body conversion around the same
     * mapper — converter selection, content negotiation, a data binder per request — cost about as much
     * CPU as the JSON work itself (docs/PERFORMANCE.md, "The PostgreSQL tail at ~1,000 deliveries/s"). The
     * answers are those of the converters: 415 for a body that is not JSON, 400 with a problem for one that
     * is not a batch.
     */
    @PostMapping(path = "/edit-variants/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    public void startAll(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StartJobBatchRequest batch;
        try (InputStream body = request.getInputStream()) {
            batch = batchReader.readValue(body);
        } catch (JacksonException e) {
            // What the converter throws, so that the answer is the platform's one for an unreadable body.
            throw new HttpMessageNotReadableException("Unreadable start batch", e, new ServletServerHttpRequest(request));
        }
        List<StartJobBatchItem> items = batch == null ? null : batch.items();
        if (items == null || items.isEmpty() || items.size() > StartJobBatchRequest.MAX_ITEMS) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid start batch",
                    "items must hold 1 to " + StartJobBatchRequest.MAX_ITEMS + " commands");
        }
        String base = baseUrl();
        List<StartJobBatchResult> results = new ArrayList<>(items.size());
        for (JobService.StartOutcome outcome : jobs.startAll(items)) {
            results.add(result(outcome, base));
        }
        byte[] answer = batchWriter.writeValueAsBytes(new StartJobBatchResponse(results));
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** A batch item's answer: as the single start answers it (the job, why it is invalid, or why it is refused). */
    private static StartJobBatchResult result(JobService.StartOutcome outcome, String base) {
        return outcome.map(started -> StartJobBatchResult.started(response(started, base)),
                invalid -> StartJobBatchResult.invalid(JobService.INVALID_START_TITLE, invalid.detail()),
                refused -> StartJobBatchResult.unavailable(JobService.AT_CAPACITY_TITLE, refused.detail()));
    }

    private static StartJobResponse response(JobService.Started started, String base) {
        String id = started.jobId();
        return new StartJobResponse(id, base + "/api/orchestrators/" + id, base + "/api/orchestrators/" + id + "/terminate",
                started.created());
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

    /** The full log of a variant's round of checks (the status API links it as the round's {@code logUrl}). */
    @GetMapping(value = "/{id}/variants/{k}/checks/{round}/log", produces = "text/plain;charset=UTF-8")
    public ResponseEntity<byte[]> checkLog(@PathVariable String id, @PathVariable int k, @PathVariable int round) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(jobs.checkLog(id, k, round));
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
