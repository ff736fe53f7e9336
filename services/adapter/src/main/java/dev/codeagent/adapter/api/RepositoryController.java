package dev.codeagent.adapter.api;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.GitProviders;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.TreeArchive;
import dev.codeagent.adapter.trigger.TriggerGate;
import dev.codeagent.contracts.Headers;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.git.BranchInfo;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.CommentRef;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.CommitRequest;
import dev.codeagent.contracts.git.CommitResult;
import dev.codeagent.contracts.git.CompletePullRequestRequest;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.CreateBranchRequest;
import dev.codeagent.contracts.git.CreatePullRequestRequest;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestAbandonment;
import dev.codeagent.contracts.git.PullRequestCompletion;
import dev.codeagent.contracts.git.PullRequestDescriptionRequest;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.contracts.git.TriggerPermission;
import dev.codeagent.contracts.git.TriggerPermissionRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The adapter's REST API for the orchestrator; paths and shapes are fixed in {@code dev.codeagent.contracts.git}. */
@RestController
@RequestMapping("/api/v1/repositories/{provider}/{organization}/{project}/{repository}")
public class RepositoryController {

    private static final Logger log = LoggerFactory.getLogger(RepositoryController.class);

    private static final String ARCHIVE_TYPE = "application/zip";

    private final GitProviders providers;
    private final TriggerGate triggerGate;
    private final AdapterProperties adapter;

    public RepositoryController(GitProviders providers, TriggerGate triggerGate, AdapterProperties adapter) {
        this.providers = providers;
        this.triggerGate = triggerGate;
        this.adapter = adapter;
    }

    @GetMapping("/pull-requests/{prId}")
    public PullRequestInfo pullRequest(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId) {
        return provider(provider).pullRequest(coordinates(provider, organization, project, repository), prId);
    }

    @GetMapping("/pull-requests/{prId}/changes")
    public ChangedFiles changes(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId) {
        return provider(provider).changedFiles(coordinates(provider, organization, project, repository), prId);
    }

    @GetMapping("/tree")
    public TreeListing tree(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @RequestParam String commit) {
        return provider(provider).tree(coordinates(provider, organization, project, repository), commit);
    }

    /**
     * The tree at {@code commit} as a zip, for the runner. Written straight to the response: problems (missing commit,
     * size limit, the host's refusal) are raised before the first byte, a failure after it cuts the answer.
     */
    @GetMapping(value = "/archive", produces = ARCHIVE_TYPE)
    public void archive(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @RequestParam String commit,
            HttpServletResponse response) throws IOException {
        try (TreeArchive archive = provider(provider).archive(coordinates(provider, organization, project, repository),
                commit, adapter.archiveMaxSize().toBytes())) {
            response.setContentType(ARCHIVE_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + commit + ".zip\"");
            archive.writeTo(response.getOutputStream());
        }
        log.info("Archive of {} in {}/{} sent", commit, provider, repository);
    }

    @PostMapping("/contents")
    public FileContents contents(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @Valid @RequestBody ContentsRequest request) {
        return provider(provider).contents(coordinates(provider, organization, project, repository), request);
    }

    @GetMapping("/branches")
    public BranchInfo branch(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @RequestParam String name) {
        return provider(provider).branch(coordinates(provider, organization, project, repository), name)
                .orElseThrow(() -> GitProblems.notFound("Branch " + name + " does not exist in "
                        + organization + "/" + project + "/" + repository));
    }

    @PostMapping("/branches")
    public ResponseEntity<BranchInfo> createBranch(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository,
            @Valid @RequestBody CreateBranchRequest request) {
        BranchInfo branch = provider(provider).createBranch(coordinates(provider, organization, project, repository),
                request);
        log.info("Branch {} at {} in {}/{} ({})", branch.name(), branch.commit(), provider, repository,
                branch.created() ? "created" : "existed");
        return ResponseEntity.status(branch.created() ? HttpStatus.CREATED : HttpStatus.OK).body(branch);
    }

    @PostMapping("/commits")
    public ResponseEntity<CommitResult> commit(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @Valid @RequestBody CommitRequest request) {
        CommitResult result = provider(provider).commit(coordinates(provider, organization, project, repository),
                request);
        log.info("Commit {} on {} in {}/{} ({} changes)", result.commit(), result.branch(), provider, repository,
                request.changes().size());
        return ResponseEntity.status(HttpStatus.CREATED).body(result);
    }

    @PostMapping("/pull-requests")
    public ResponseEntity<PullRequestRef> createPullRequest(@PathVariable String provider,
            @PathVariable String organization, @PathVariable String project, @PathVariable String repository,
            @Valid @RequestBody CreatePullRequestRequest request) {
        PullRequestRef pr = provider(provider).findOrCreatePullRequest(
                coordinates(provider, organization, project, repository), request);
        log.info("Pull request {} from {} to {} in {}/{} ({})", pr.id(), request.sourceBranch(),
                request.targetBranch(), provider, repository, pr.created() ? "created" : "existed");
        return ResponseEntity.status(pr.created() ? HttpStatus.CREATED : HttpStatus.OK).body(pr);
    }

    @PostMapping("/pull-requests/{prId}/threads")
    public ResponseEntity<CommentRef> createThread(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId,
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody CommentRequest request) {
        CommentRef ref = provider(provider).createThread(coordinates(provider, organization, project, repository),
                prId, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(ref);
    }

    @PostMapping("/pull-requests/{prId}/threads/{threadId}/comments")
    public ResponseEntity<CommentRef> reply(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId,
            @PathVariable long threadId,
            @RequestHeader(name = Headers.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody CommentRequest request) {
        CommentRef ref = provider(provider).reply(coordinates(provider, organization, project, repository), prId,
                threadId, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(ref);
    }

    @PatchMapping("/pull-requests/{prId}/threads/{threadId}/comments/{commentId}")
    public CommentRef updateComment(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId,
            @PathVariable long threadId, @PathVariable long commentId, @Valid @RequestBody CommentRequest request) {
        return provider(provider).updateComment(coordinates(provider, organization, project, repository), prId,
                threadId, commentId, request);
    }

    @PostMapping("/pull-requests/{prId}/statuses")
    public ResponseEntity<Void> setStatus(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId,
            @Valid @RequestBody StatusRequest request) {
        provider(provider).setStatus(coordinates(provider, organization, project, repository), prId, request);
        return ResponseEntity.noContent().build();
    }

    /** Replaces the description (idempotent); longer than Azure DevOps accepts is a 400 problem on every host. */
    @PutMapping("/pull-requests/{prId}/description")
    public ResponseEntity<Void> updateDescription(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId,
            @Valid @RequestBody PullRequestDescriptionRequest request) {
        provider(provider).updateDescription(coordinates(provider, organization, project, repository), prId,
                request.description());
        log.info("Description of pull request {} in {}/{} updated", prId, provider, repository);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/pull-requests/{prId}/complete")
    public PullRequestCompletion complete(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId,
            @Valid @RequestBody CompletePullRequestRequest request) {
        PullRequestCompletion completion = provider(provider).completePullRequest(
                coordinates(provider, organization, project, repository), prId, request);
        log.info("Pull request {} in {}/{} completed ({}) with merge commit {}", prId, provider, repository,
                completion.completedNow() ? "now" : "before", completion.mergeCommit());
        return completion;
    }

    @PostMapping("/pull-requests/{prId}/abandon")
    public PullRequestAbandonment abandon(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @PathVariable long prId) {
        PullRequestAbandonment abandonment = provider(provider).abandonPullRequest(
                coordinates(provider, organization, project, repository), prId);
        log.info("Pull request {} in {}/{} is {}{}", prId, provider, repository, abandonment.status(),
                abandonment.abandonedNow() ? " now" : "");
        return abandonment;
    }

    @DeleteMapping("/branches")
    public ResponseEntity<Void> deleteBranch(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository, @RequestParam String name,
            @RequestParam String commit) {
        provider(provider).deleteBranch(coordinates(provider, organization, project, repository), name, commit);
        log.info("Branch {} in {}/{} is gone", name, provider, repository);
        return ResponseEntity.noContent().build();
    }

    /** Whether the author may ask the agent for changes here: 200 either way; a host that cannot tell is a problem. */
    @PostMapping("/trigger-permission")
    public TriggerPermission triggerPermission(@PathVariable String provider, @PathVariable String organization,
            @PathVariable String project, @PathVariable String repository,
            @Valid @RequestBody TriggerPermissionRequest request) {
        return triggerGate.check(provider(provider), coordinates(provider, organization, project, repository),
                request.author());
    }

    private GitProvider provider(String name) {
        return providers.require(name);
    }

    private static RepositoryCoordinates coordinates(String provider, String organization, String project,
            String repository) {
        if (RepositoryRef.LOCAL.equals(provider)
                && (!RepositoryRef.LOCAL.equals(organization) || !RepositoryRef.LOCAL.equals(project))) {
            throw GitProblems.notFound("Local repositories live under organization 'local' and project 'local'");
        }
        return new RepositoryCoordinates(organization, project, repository);
    }
}
