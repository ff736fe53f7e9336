/**
 * The runner REST API (port 3004): builds and tests one variant commit.
 *
 * <pre>
 * POST   /api/checks/runs           {@link CheckRunRequest} → 200 {@link CheckRunResult} (synchronous: answers when
 *                                   every check ended, failed or timed out)
 * DELETE /api/checks/runs/{runId}   cancels a run of this replica (202; 404 when it is not running here)
 * </pre>
 *
 * The runner is stateless: it fetches the tree at {@code commit} from the adapter, reads {@code .codeagent.yml} (or
 * detects the build tool), runs the checks in the configured isolation and answers. The orchestrator owns the durable
 * state: it records the result before acting on it and repeats the call (same {@code runId}) when it was interrupted,
 * which is safe because a check run changes nothing outside its own sandbox. A busy runner answers 503 with
 * {@code Retry-After}; bad input 400; a tree that cannot be fetched 502 — all as RFC 9457 problem details.
 */
package dev.codeagent.contracts.check;
