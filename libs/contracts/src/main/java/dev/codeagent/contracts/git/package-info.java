/**
 * The adapter's REST API, used by the orchestrator. All paths are relative to
 * {@code /api/v1/repositories/{provider}/{organization}/{project}/{repository}}:
 *
 * <pre>
 * GET   /pull-requests/{prId}                                  → {@link PullRequestInfo}
 * GET   /pull-requests/{prId}/changes                          → {@link ChangedFiles} (latest iteration)
 * GET   /tree?commit={sha}                                     → {@link TreeListing}
 * POST  /contents                {@link ContentsRequest}        → {@link FileContents}
 * GET   /branches?name={branch}                                → {@link BranchInfo} (404 when absent)
 * POST  /branches                {@link CreateBranchRequest}    → {@link BranchInfo} (idempotent)
 * POST  /commits                 {@link CommitRequest}          → {@link CommitResult} (409 when head moved)
 * POST  /pull-requests           {@link CreatePullRequestRequest} → {@link PullRequestRef} (find-or-create)
 * POST  /pull-requests/{prId}/threads                {@link CommentRequest} → {@link CommentRef} (new thread)
 * POST  /pull-requests/{prId}/threads/{threadId}/comments   {@link CommentRequest} → {@link CommentRef}
 * PATCH /pull-requests/{prId}/threads/{threadId}/comments/{commentId} {@link CommentRequest} → {@link CommentRef}
 * POST  /pull-requests/{prId}/statuses               {@link StatusRequest} → 204
 * POST  /pull-requests/{prId}/complete  {@link CompletePullRequestRequest} → {@link PullRequestCompletion}
 *                                                      (409 merge-conflict / policy-blocked / conflict)
 * POST  /pull-requests/{prId}/abandon                  → {@link PullRequestAbandonment} (idempotent)
 * DELETE /branches?name={branch}&amp;commit={sha}          → 204 (idempotent; 409 when the branch moved past sha)
 * GET   /archive?commit={sha}                          → application/zip of the tree at the commit (for the runner)
 * POST  /trigger-permission      {@link TriggerPermissionRequest} → {@link TriggerPermission} (200, allowed or not)
 * </pre>
 *
 * Errors are RFC 9457 problems whose {@code type} is one of {@link dev.codeagent.contracts.ProblemTypes}:
 * 404 not-found, 409 conflict, 403 permission (permanent), 429 rate-limited and 503 unavailable
 * (transient, with Retry-After when known). A trigger-permission question whose answer the git host could not
 * give (its identity service failing) is such a problem too, never a denial.
 */
package dev.codeagent.contracts.git;
