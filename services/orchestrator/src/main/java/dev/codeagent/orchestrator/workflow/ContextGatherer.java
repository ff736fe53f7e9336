package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.git.ChangeType;
import dev.codeagent.contracts.git.ChangedFile;
import dev.codeagent.contracts.git.ChangedFiles;
import dev.codeagent.contracts.git.ContentsRequest;
import dev.codeagent.contracts.git.FileContent;
import dev.codeagent.contracts.git.FileContents;
import dev.codeagent.contracts.git.PullRequestInfo;
import dev.codeagent.contracts.git.TreeListing;
import dev.codeagent.contracts.patch.PullRequestContext;
import dev.codeagent.contracts.patch.SourceFile;
import dev.codeagent.orchestrator.artifact.ArtifactStore;
import dev.codeagent.orchestrator.client.AdapterClient;
import dev.codeagent.orchestrator.client.CallFailure;
import dev.codeagent.orchestrator.client.LlmPatchClient;
import dev.codeagent.orchestrator.config.WorkflowProperties;
import dev.codeagent.orchestrator.job.JobAudit;
import dev.codeagent.orchestrator.job.JobRecord;
import dev.codeagent.orchestrator.job.JobStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers what every variant of a job is generated from, once per job: the pull request, its changed files, the
 * tree at its source commit, the files llm-patch selects for the intent and their contents, and the repository
 * map. Stored with the job (and as an artifact, next to the selection with its reasons), so that variants on any
 * replica, before or after a restart, see the same input.
 */
@Component
public class ContextGatherer {

    /** The artifact that keeps the selection with its reasons and the repository map. */
    public static final String SELECTION = "context-selection.json";

    private final JobStore jobs;
    private final JobAudit audit;
    private final AdapterClient adapter;
    private final LlmPatchClient llm;
    private final ArtifactStore artifacts;
    private final WorkflowProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public ContextGatherer(JobStore jobs, JobAudit audit, AdapterClient adapter, LlmPatchClient llm,
            ArtifactStore artifacts, WorkflowProperties properties, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.adapter = adapter;
        this.llm = llm;
        this.artifacts = artifacts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public void gather(JobRecord job) {
        PullRequestInfo pr = adapter.pullRequest(job.repository(), job.pullRequestId());
        if (pr.sourceCommit() == null || pr.sourceRef() == null) {
            throw new CallFailure("the pull request has no source branch or commit", 422, false, null, null, null);
        }
        List<String> changedPaths = changedPaths(adapter.changes(job.repository(), job.pullRequestId()));
        TreeListing tree = adapter.tree(job.repository(), pr.sourceCommit());
        ContextSelectionRequest ask = new ContextSelectionRequest(job.intent(), tree.entries(), changedPaths,
                properties.contextBudgetBytes(), pr.sourceCommit(), null);
        ContextSelection selection = llm.selectContext(ask);
        Map<String, SourceFile> fetched = new LinkedHashMap<>();
        if (selection.wanted() != null && !selection.wanted().isEmpty()) {
            // llm-patch has no map of this commit yet: it ranks again with the contents it asked for.
            contents(job, pr.sourceCommit(), selection.wanted()).forEach(f -> fetched.put(f.path(), f));
            selection = llm.selectContext(new ContextSelectionRequest(ask.intent(), ask.tree(), ask.changedPaths(),
                    ask.budgetBytes(), ask.commit(), List.copyOf(fetched.values())));
        }
        List<String> paths = selection.paths() == null ? List.of() : selection.paths();
        List<SourceFile> missing = contents(job, pr.sourceCommit(),
                paths.stream().filter(p -> !fetched.containsKey(p)).toList());
        missing.forEach(f -> fetched.put(f.path(), f));
        List<SourceFile> files = paths.stream().filter(fetched::containsKey).map(fetched::get).toList();
        JobContext context = new JobContext(new PullRequestContext(pr.id(), pr.title(), pr.description(),
                pr.sourceRef(), pr.targetRef()), files, changedPaths, tree.entries(), selection.map());
        String contextJson = json.writeValueAsString(context);
        artifacts.put(ArtifactStore.jobPrefix(job.id()) + "context.json", "application/json",
                contextJson.getBytes(StandardCharsets.UTF_8));
        // Why each file was or was not shown, for GET /api/orchestrators/{id}/context.
        artifacts.put(ArtifactStore.jobPrefix(job.id()) + SELECTION, "application/json",
                json.writeValueAsBytes(selection));
        jobs.context(job.id(), pr.sourceCommit(), pr.sourceRef(), pr.targetRef(), pr.title(), pr.description(),
                contextJson, clock.instant());
        audit.record(job.id(), "context", files.size() + " files at " + pr.sourceCommit(), clock.instant());
    }

    private static List<String> changedPaths(ChangedFiles changes) {
        List<String> paths = new ArrayList<>();
        for (ChangedFile f : changes.files() == null ? List.<ChangedFile>of() : changes.files()) {
            if (f.changeType() != ChangeType.DELETE) {
                paths.add(f.path());
            }
        }
        return paths;
    }

    /** The whole text files among {@code paths} at {@code commit}, read in batches. */
    List<SourceFile> contents(JobRecord job, String commit, List<String> paths) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i += properties.contentsBatchSize()) {
            List<String> batch = paths.subList(i, Math.min(paths.size(), i + properties.contentsBatchSize()));
            FileContents contents = adapter.contents(job.repository(), new ContentsRequest(commit, batch));
            for (FileContent file : contents.files()) {
                // The model must see whole text files: a truncated file would be rewritten without its tail.
                if (!file.binary() && !file.truncated() && file.content() != null) {
                    files.add(new SourceFile(file.path(), file.content()));
                }
            }
        }
        return files;
    }
}
