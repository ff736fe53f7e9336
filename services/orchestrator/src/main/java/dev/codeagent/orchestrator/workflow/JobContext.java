package dev.codeagent.orchestrator.workflow;

import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.PullRequestContext;
import dev.codeagent.contracts.patch.SourceFile;
import java.util.List;

/**
 * What every variant of a job is generated from, gathered once by the prepare step and kept with the job
 * so that variants (possibly on another replica, possibly after a restart) all see the same input.
 */
public record JobContext(PullRequestContext pullRequest, List<SourceFile> files, List<String> changedPaths,
        List<TreeEntry> tree, String repositoryMap) {

    /** A context without a repository map (stored before there was one, or from an older llm-patch). */
    public JobContext(PullRequestContext pullRequest, List<SourceFile> files, List<String> changedPaths,
            List<TreeEntry> tree) {
        this(pullRequest, files, changedPaths, tree, null);
    }
}
