package dev.codeagent.contracts.patch;

import dev.codeagent.contracts.git.TreeEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Generate variant {@code k} of {@code n} for an intent.
 *
 * @param jobId         for tracing and deterministic choices
 * @param intent        what the user asked for
 * @param k             1-based variant number; selects the variant's strategy
 * @param n             total number of variants in the job
 * @param pullRequest   title/description/branches of the PR
 * @param files         candidate files with their contents (already selected and within budget)
 * @param changedPaths  paths the PR changes, ranked first
 * @param tree          the repository tree (paths and sizes), for orientation and new-file placement
 * @param project       the git host's project the repository belongs to; selects the provider policy
 *                      ({@code CODEAGENT_PROVIDER_POLICY}); optional
 * @param budgets       budgets no model call of the request may exceed (a call that would is not made and the
 *                      request fails with 422 "budget reached"); optional, null or empty when there are none
 * @param followUp      set when the request repairs or refines an existing variant: {@code files} are then the
 *                      variant's current files; null for a new variant
 * @param repositoryMap the repository map from the context selection (file → classes, methods, functions with
 *                      signatures), shown to the model next to the files; optional
 * @param askedFor      files the model edited without having been shown them in an earlier answer, now added to
 *                      {@code files}: the one extra round ("ask for more") — a request with any is not given another;
 *                      optional
 */
public record PatchRequest(
        String jobId,
        @NotBlank @Size(max = 8000) String intent,
        @Min(1) @Max(100) int k,
        @Min(1) @Max(100) int n,
        PullRequestContext pullRequest,
        @NotNull List<@Valid SourceFile> files,
        List<String> changedPaths,
        List<TreeEntry> tree,
        @Size(max = 256) String project,
        @Size(max = 10) List<@Valid BudgetLimit> budgets,
        @Valid FollowUp followUp,
        String repositoryMap,
        @Size(max = 100) List<String> askedFor) {

    /** A request without a repository map or files asked for. */
    public PatchRequest(String jobId, String intent, int k, int n, PullRequestContext pullRequest,
            List<SourceFile> files, List<String> changedPaths, List<TreeEntry> tree, String project,
            List<BudgetLimit> budgets, FollowUp followUp) {
        this(jobId, intent, k, n, pullRequest, files, changedPaths, tree, project, budgets, followUp, null, null);
    }

    /** A new variant (no follow-up). */
    public PatchRequest(String jobId, String intent, int k, int n, PullRequestContext pullRequest,
            List<SourceFile> files, List<String> changedPaths, List<TreeEntry> tree, String project,
            List<BudgetLimit> budgets) {
        this(jobId, intent, k, n, pullRequest, files, changedPaths, tree, project, budgets, null);
    }

    /** A request that names no project: only the policy's {@code *} rule, if any, applies to it. */
    public PatchRequest(String jobId, String intent, int k, int n, PullRequestContext pullRequest,
            List<SourceFile> files, List<String> changedPaths, List<TreeEntry> tree) {
        this(jobId, intent, k, n, pullRequest, files, changedPaths, tree, null);
    }

    /** A request without budgets. */
    public PatchRequest(String jobId, String intent, int k, int n, PullRequestContext pullRequest,
            List<SourceFile> files, List<String> changedPaths, List<TreeEntry> tree, String project) {
        this(jobId, intent, k, n, pullRequest, files, changedPaths, tree, project, null);
    }

    /** The files the model asked for, empty when none. */
    public List<String> askedForOrNone() {
        return askedFor == null ? List.of() : askedFor;
    }

    /** The budgets, empty when there are none. */
    public List<BudgetLimit> budgetsOrNone() {
        return budgets == null ? List.of() : budgets;
    }
}
