package dev.codeagent.orchestrator.client;

import dev.codeagent.contracts.Headers;
import dev.codeagent.contracts.command.Author;
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
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import dev.codeagent.orchestrator.config.ServiceEndpoints;
import dev.codeagent.platform.http.ServiceHttpClients;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/** The adapter's REST API ({@code dev.codeagent.contracts.git}); every failure is a {@link CallFailure}. */
@Component
public class AdapterClient {

    private static final String BASE = "/api/v1/repositories/{provider}/{organization}/{project}/{repository}";

    private final RestClient http;
    private final JsonMapper json;

    public AdapterClient(ServiceHttpClients clients, ServiceEndpoints endpoints, JsonMapper json) {
        this.http = clients.forService(endpoints.adapterUrl(), endpoints.adapterTimeout());
        this.json = json;
    }

    public PullRequestInfo pullRequest(RepositoryRef repo, long prId) {
        return call("get pull request", () -> http.get().uri(BASE + "/pull-requests/{pr}", vars(repo, prId))
                .retrieve().body(PullRequestInfo.class));
    }

    public ChangedFiles changes(RepositoryRef repo, long prId) {
        return call("get pull request changes", () -> http.get()
                .uri(BASE + "/pull-requests/{pr}/changes", vars(repo, prId)).retrieve().body(ChangedFiles.class));
    }

    public TreeListing tree(RepositoryRef repo, String commit) {
        return call("get tree", () -> http.get()
                .uri(u -> u.path(BASE + "/tree").queryParam("commit", commit).build(vars(repo)))
                .retrieve().body(TreeListing.class));
    }

    public FileContents contents(RepositoryRef repo, ContentsRequest request) {
        return call("read contents", () -> http.post().uri(BASE + "/contents", vars(repo))
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(FileContents.class));
    }

    /** The branch's head, or empty when it does not exist. */
    public Optional<BranchInfo> branch(RepositoryRef repo, String name) {
        try {
            return Optional.ofNullable(call("get branch", () -> http.get()
                    .uri(u -> u.path(BASE + "/branches").queryParam("name", name).build(vars(repo)))
                    .retrieve().body(BranchInfo.class)));
        } catch (CallFailure e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public BranchInfo createBranch(RepositoryRef repo, CreateBranchRequest request) {
        return call("create branch", () -> http.post().uri(BASE + "/branches", vars(repo))
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(BranchInfo.class));
    }

    public CommitResult commit(RepositoryRef repo, CommitRequest request) {
        return call("commit", () -> http.post().uri(BASE + "/commits", vars(repo))
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(CommitResult.class));
    }

    public PullRequestRef findOrCreatePullRequest(RepositoryRef repo, CreatePullRequestRequest request) {
        return call("create pull request", () -> http.post().uri(BASE + "/pull-requests", vars(repo))
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(PullRequestRef.class));
    }

    /**
     * Replies in a thread. The idempotency key makes the adapter return the reply it created before for the
     * same key instead of posting a second one.
     */
    public CommentRef reply(RepositoryRef repo, long prId, long threadId, CommentRequest request,
            String idempotencyKey) {
        return call("reply", () -> http.post().uri(BASE + "/pull-requests/{pr}/threads/{thread}/comments",
                        vars(repo, prId, threadId))
                .header(Headers.IDEMPOTENCY_KEY, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(CommentRef.class));
    }

    /** Opens a new thread on a pull request; the idempotency key returns the thread created before for the same key. */
    public CommentRef createThread(RepositoryRef repo, long prId, CommentRequest request, String idempotencyKey) {
        return call("create thread", () -> http.post().uri(BASE + "/pull-requests/{pr}/threads", vars(repo, prId))
                .header(Headers.IDEMPOTENCY_KEY, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(CommentRef.class));
    }

    public CommentRef updateComment(RepositoryRef repo, long prId, long threadId, long commentId,
            CommentRequest request) {
        return call("update comment", () -> http.patch()
                .uri(BASE + "/pull-requests/{pr}/threads/{thread}/comments/{comment}",
                        vars(repo, prId, threadId, commentId))
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().body(CommentRef.class));
    }

    public void status(RepositoryRef repo, long prId, StatusRequest request) {
        call("set status", () -> http.post().uri(BASE + "/pull-requests/{pr}/statuses", vars(repo, prId))
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toBodilessEntity());
    }

    /** Replaces the pull request's description (idempotent: the same description again changes nothing). */
    public void updateDescription(RepositoryRef repo, long prId, String description) {
        call("update pull request description", () -> http.put().uri(BASE + "/pull-requests/{pr}/description",
                        vars(repo, prId)).contentType(MediaType.APPLICATION_JSON)
                .body(new PullRequestDescriptionRequest(description)).retrieve().toBodilessEntity());
    }

    /** Merges the pull request (idempotent: one already completed answers its merge commit again). */
    public PullRequestCompletion complete(RepositoryRef repo, long prId, CompletePullRequestRequest request) {
        return call("complete pull request", () -> http.post().uri(BASE + "/pull-requests/{pr}/complete",
                        vars(repo, prId)).contentType(MediaType.APPLICATION_JSON).body(request).retrieve()
                .body(PullRequestCompletion.class));
    }

    /** Abandons the pull request (idempotent). */
    public PullRequestAbandonment abandon(RepositoryRef repo, long prId) {
        return call("abandon pull request", () -> http.post().uri(BASE + "/pull-requests/{pr}/abandon",
                vars(repo, prId)).retrieve().body(PullRequestAbandonment.class));
    }

    /** Deletes the branch while it is still at {@code commit}; one already gone is fine. */
    public void deleteBranch(RepositoryRef repo, String name, String commit) {
        call("delete branch", () -> http.delete().uri(u -> u.path(BASE + "/branches").queryParam("name", name)
                .queryParam("commit", commit).build(vars(repo))).retrieve().toBodilessEntity());
    }

    /** Whether {@code author} may ask the agent for changes in {@code repo}; a host that cannot tell fails the call. */
    public TriggerPermission triggerPermission(RepositoryRef repo, Author author) {
        return call("check trigger permission", () -> http.post().uri(BASE + "/trigger-permission", vars(repo))
                .contentType(MediaType.APPLICATION_JSON).body(new TriggerPermissionRequest(author)).retrieve()
                .body(TriggerPermission.class));
    }

    /** The pipeline of the repository's project named {@code nameOrId} (Azure DevOps only). */
    public PipelineRef pipeline(RepositoryRef repo, String nameOrId) {
        return call("find pipeline", () -> http.get().uri(u -> u.path(BASE + "/pipelines")
                .queryParam("pipeline", nameOrId).build(vars(repo))).retrieve().body(PipelineRef.class));
    }

    /** A run of the pipeline on the branch at the commit; the adapter reuses one that exists, so a repeat is safe. */
    public PipelineRun queuePipelineRun(RepositoryRef repo, long pipelineId, QueuePipelineRunRequest request) {
        return call("queue pipeline run", () -> http.post().uri(BASE + "/pipelines/{pipeline}/runs",
                        vars(repo, pipelineId)).contentType(MediaType.APPLICATION_JSON).body(request).retrieve()
                .body(PipelineRun.class));
    }

    public PipelineRun pipelineRun(RepositoryRef repo, long pipelineId, long runId) {
        return call("read pipeline run", () -> http.get().uri(BASE + "/pipelines/{pipeline}/runs/{run}",
                vars(repo, pipelineId, runId)).retrieve().body(PipelineRun.class));
    }

    public PipelineTests pipelineTests(RepositoryRef repo, long pipelineId, long runId) {
        return call("read pipeline tests", () -> http.get().uri(BASE + "/pipelines/{pipeline}/runs/{run}/tests",
                vars(repo, pipelineId, runId)).retrieve().body(PipelineTests.class));
    }

    /** Why a failed run failed: its timeline's error issues, else the end of the failed task's log. */
    public PipelineFailure pipelineFailure(RepositoryRef repo, long pipelineId, long runId) {
        return call("read pipeline failure", () -> http.get().uri(BASE + "/pipelines/{pipeline}/runs/{run}/failure",
                vars(repo, pipelineId, runId)).retrieve().body(PipelineFailure.class));
    }

    /** Cancels the run in Azure DevOps; idempotent (a completed run, or one being cancelled, is left as it is). */
    public PipelineRunCancellation cancelPipelineRun(RepositoryRef repo, long pipelineId, long runId) {
        return call("cancel pipeline run", () -> http.post().uri(BASE + "/pipelines/{pipeline}/runs/{run}/cancel",
                vars(repo, pipelineId, runId)).retrieve().body(PipelineRunCancellation.class));
    }

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientException e) {
            throw CallFailures.from("adapter", operation, e, json);
        }
    }

    private static Object[] vars(RepositoryRef repo, Object... more) {
        Object[] vars = new Object[4 + more.length];
        vars[0] = repo.provider();
        vars[1] = repo.organization();
        vars[2] = repo.project();
        vars[3] = repo.repository();
        System.arraycopy(more, 0, vars, 4, more.length);
        return vars;
    }
}
