package dev.codeagent.adapter.ado;

import dev.codeagent.adapter.AdapterProperties;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.adapter.provider.GitProvider;
import dev.codeagent.adapter.provider.PipelineProvider;
import dev.codeagent.adapter.provider.ProviderStatus;
import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.adapter.provider.TreeArchive;
import dev.codeagent.adapter.provider.TriggerPolicy;
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
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.PullRequestRef;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.contracts.pipeline.PipelineFailure;
import dev.codeagent.contracts.pipeline.PipelineRef;
import dev.codeagent.contracts.pipeline.PipelineRun;
import dev.codeagent.contracts.pipeline.PipelineRunCancellation;
import dev.codeagent.contracts.pipeline.PipelineTests;
import dev.codeagent.contracts.pipeline.QueuePipelineRunRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code azure-devops} provider over the Azure DevOps REST API 7.1, one class per API area. Every create
 * looks before it writes (see {@link FindOrCreate}), so a retried request finds what the first attempt made
 * instead of making it twice.
 */
public class AzureDevOpsProvider implements GitProvider, PipelineProvider {

    private final AzureDevOpsProperties properties;
    private final boolean configured;
    private final AzureDevOpsPullRequests pullRequests;
    private final AzureDevOpsFiles files;
    private final AzureDevOpsArchives archives;
    private final AzureDevOpsRefs refs;
    private final AzureDevOpsPushes pushes;
    private final AzureDevOpsThreads threads;
    private final AzureDevOpsStatuses statuses;
    private final AzureDevOpsIdentities identities;
    private final AzureDevOpsCompletions completions;
    private final AzureDevOpsPipelines pipelines;

    /** {@code client} is null when no credentials are configured: the provider then only reports that. */
    public AzureDevOpsProvider(AzureDevOpsProperties properties, AzureDevOpsIdentityProperties identity,
            AzureDevOpsClient client, AdapterProperties adapter) {
        this.properties = properties;
        this.configured = client != null;
        this.pullRequests = new AzureDevOpsPullRequests(properties, client);
        this.files = new AzureDevOpsFiles(client, adapter);
        this.archives = new AzureDevOpsArchives(client);
        this.refs = new AzureDevOpsRefs(client);
        this.pushes = new AzureDevOpsPushes(client, refs);
        this.threads = new AzureDevOpsThreads(client);
        this.statuses = new AzureDevOpsStatuses(client);
        this.identities = new AzureDevOpsIdentities(properties, identity, client);
        this.completions = new AzureDevOpsCompletions(client, refs);
        this.pipelines = new AzureDevOpsPipelines(client);
    }

    /** Stops the file-reading threads; called when the application context closes. */
    public void close() {
        files.close();
    }

    @Override
    public String name() {
        return RepositoryRef.AZURE_DEVOPS;
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public ProviderStatus status() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseUrl", properties.baseUrl());
        details.put("auth", properties.effectiveAuth().name().toLowerCase(Locale.ROOT));
        if (!configured) {
            return new ProviderStatus(name(), false, false, "Not configured: set CODEAGENT_ADO_PAT or "
                    + "CODEAGENT_ADO_AUTH=entra (see docs/azure-devops.md)", details);
        }
        return new ProviderStatus(name(), true, true, "Configured for " + properties.baseUrl(), details);
    }

    @Override
    public PullRequestInfo pullRequest(RepositoryCoordinates repo, long pullRequestId) {
        return require(pullRequests).pullRequest(repo, pullRequestId);
    }

    @Override
    public ChangedFiles changedFiles(RepositoryCoordinates repo, long pullRequestId) {
        return require(pullRequests).changedFiles(repo, pullRequestId);
    }

    @Override
    public PullRequestRef findOrCreatePullRequest(RepositoryCoordinates repo, CreatePullRequestRequest request) {
        return require(pullRequests).findOrCreatePullRequest(repo, request);
    }

    @Override
    public void setStatus(RepositoryCoordinates repo, long pullRequestId, StatusRequest request) {
        require(statuses).setStatus(repo, pullRequestId, request);
    }

    @Override
    public void updateDescription(RepositoryCoordinates repo, long pullRequestId, String description) {
        require(pullRequests).updateDescription(repo, pullRequestId, description);
    }

    @Override
    public PullRequestCompletion completePullRequest(RepositoryCoordinates repo, long pullRequestId,
            CompletePullRequestRequest request) {
        return require(completions).complete(repo, pullRequestId, request);
    }

    @Override
    public PullRequestAbandonment abandonPullRequest(RepositoryCoordinates repo, long pullRequestId) {
        return require(completions).abandon(repo, pullRequestId);
    }

    @Override
    public void deleteBranch(RepositoryCoordinates repo, String name, String expectedCommit) {
        require(completions).deleteBranch(repo, name, expectedCommit);
    }

    @Override
    public CommentRef createThread(RepositoryCoordinates repo, long pullRequestId, CommentRequest request,
            String idempotencyKey) {
        return require(threads).createThread(repo, pullRequestId, request, idempotencyKey);
    }

    @Override
    public CommentRef reply(RepositoryCoordinates repo, long pullRequestId, long threadId, CommentRequest request,
            String idempotencyKey) {
        return require(threads).reply(repo, pullRequestId, threadId, request, idempotencyKey);
    }

    @Override
    public CommentRef updateComment(RepositoryCoordinates repo, long pullRequestId, long threadId, long commentId,
            CommentRequest request) {
        return require(threads).updateComment(repo, pullRequestId, threadId, commentId, request);
    }

    @Override
    public TreeListing tree(RepositoryCoordinates repo, String commit) {
        return require(files).tree(repo, commit);
    }

    @Override
    public TreeArchive archive(RepositoryCoordinates repo, String commit, long maxBytes) {
        return require(archives).archive(repo, commit, maxBytes);
    }

    @Override
    public FileContents contents(RepositoryCoordinates repo, ContentsRequest request) {
        return require(files).contents(repo, request);
    }

    @Override
    public Optional<BranchInfo> branch(RepositoryCoordinates repo, String name) {
        return require(refs).branch(repo, name);
    }

    @Override
    public BranchInfo createBranch(RepositoryCoordinates repo, CreateBranchRequest request) {
        return require(refs).createBranch(repo, request);
    }

    @Override
    public CommitResult commit(RepositoryCoordinates repo, CommitRequest request) {
        return require(pushes).commit(repo, request);
    }

    /** Azure DevOps has groups: by default only their members may trigger the agent. */
    @Override
    public TriggerPolicy defaultTriggerPolicy() {
        return TriggerPolicy.MEMBERS;
    }

    /** The project's Contributors group: those who may push to its repositories may also ask the agent to. */
    @Override
    public List<String> defaultTriggerGroups(RepositoryCoordinates repo) {
        return List.of("[" + repo.project() + "]\\Contributors");
    }

    @Override
    public Optional<String> groupOf(RepositoryCoordinates repo, Author author, List<String> groups) {
        return require(identities).groupOf(repo, author, groups);
    }

    @Override
    public PipelineRef pipeline(RepositoryCoordinates repo, String nameOrId) {
        return require(pipelines).pipeline(repo, nameOrId);
    }

    @Override
    public PipelineRun queueRun(RepositoryCoordinates repo, long pipelineId, QueuePipelineRunRequest request) {
        return require(pipelines).queue(repo, pipelineId, request);
    }

    @Override
    public PipelineRun run(RepositoryCoordinates repo, long pipelineId, long runId) {
        return require(pipelines).run(repo, pipelineId, runId);
    }

    @Override
    public PipelineTests tests(RepositoryCoordinates repo, long pipelineId, long runId) {
        return require(pipelines).tests(repo, runId);
    }

    @Override
    public PipelineFailure failure(RepositoryCoordinates repo, long pipelineId, long runId) {
        return require(pipelines).failure(repo, runId);
    }

    @Override
    public PipelineRunCancellation cancelRun(RepositoryCoordinates repo, long pipelineId, long runId) {
        return require(pipelines).cancel(repo, pipelineId, runId);
    }

    /** {@code area}, once it is sure there is a client for it to call Azure DevOps with. */
    private <T> T require(T area) {
        if (!configured) {
            throw GitProblems.notFound("Provider 'azure-devops' is not configured on this adapter");
        }
        return area;
    }
}
