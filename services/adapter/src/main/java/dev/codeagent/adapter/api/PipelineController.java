package dev.codeagent.adapter.api;

import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.GitProviders;
import dev.codeagent.adapter.provider.PipelineProvider;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The repository's CI pipelines for the orchestrator's checks; paths and shapes are fixed in
 * {@code dev.codeagent.contracts.pipeline}. Only a provider that has pipelines serves them; the others answer 422.
 */
@RestController
@RequestMapping("/api/v1/repositories/{provider}/{organization}/{project}/{repository}/pipelines")
public class PipelineController {

    private static final Logger log = LoggerFactory.getLogger(PipelineController.class);

    private final GitProviders providers;

    public PipelineController(GitProviders providers) {
        this.providers = providers;
    }

    @GetMapping
    public PipelineRef pipeline(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @RequestParam String pipeline) {
        return pipelines(provider).pipeline(new RepositoryCoordinates(organization, project, repository), pipeline);
    }

    @PostMapping("/{pipelineId}/runs")
    public ResponseEntity<PipelineRun> queue(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long pipelineId,
            @Valid @RequestBody QueuePipelineRunRequest request) {
        PipelineRun run = pipelines(provider).queueRun(new RepositoryCoordinates(organization, project, repository),
                pipelineId, request);
        log.info("Run {} of pipeline {} on {} at {} in {}/{} ({})", run.runId(), pipelineId, request.branch(),
                request.commit(), provider, repository, run.created() ? "queued" : "existed");
        return ResponseEntity.status(run.created() ? HttpStatus.CREATED : HttpStatus.OK).body(run);
    }

    @GetMapping("/{pipelineId}/runs/{runId}")
    public PipelineRun run(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long pipelineId,
            @PathVariable long runId) {
        return pipelines(provider).run(new RepositoryCoordinates(organization, project, repository), pipelineId,
                runId);
    }

    @GetMapping("/{pipelineId}/runs/{runId}/tests")
    public PipelineTests tests(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long pipelineId,
            @PathVariable long runId) {
        return pipelines(provider).tests(new RepositoryCoordinates(organization, project, repository), pipelineId,
                runId);
    }

    @GetMapping("/{pipelineId}/runs/{runId}/failure")
    public PipelineFailure failure(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long pipelineId,
            @PathVariable long runId) {
        return pipelines(provider).failure(new RepositoryCoordinates(organization, project, repository), pipelineId,
                runId);
    }

    @PostMapping("/{pipelineId}/runs/{runId}/cancel")
    public PipelineRunCancellation cancel(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long pipelineId,
            @PathVariable long runId) {
        PipelineRunCancellation cancellation = pipelines(provider).cancelRun(
                new RepositoryCoordinates(organization, project, repository), pipelineId, runId);
        log.info("Run {} of pipeline {} in {}/{}: {}", runId, pipelineId, provider, repository,
                cancellation.requested() ? "cancel requested (" + cancellation.state() + ")"
                        : "completed before the cancel (" + cancellation.result() + ")");
        return cancellation;
    }

    private PipelineProvider pipelines(String name) {
        GitProvider provider = providers.require(name);
        if (provider instanceof PipelineProvider pipelines) {
            return pipelines;
        }
        throw GitProblems.unprocessable("Pipelines need the Azure DevOps provider: the '" + provider.name()
                + "' provider has no pipelines to run as checks. Unset CODEAGENT_ADO_CHECK_PIPELINES and the "
                + "pipelines key of .codeagent.yml for its repositories, or move them to Azure DevOps "
                + "(docs/checks.md#azure-devops-pipelines).");
    }
}
