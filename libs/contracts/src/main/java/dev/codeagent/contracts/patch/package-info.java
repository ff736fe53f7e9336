/**
 * The llm-patch REST API:
 *
 * <pre>
 * POST /api/context/select  {@link dev.codeagent.contracts.context.ContextSelectionRequest} → {@link dev.codeagent.contracts.context.ContextSelection}
 * POST /api/patches         {@link PatchRequest}  → {@link PatchResponse}  (variant k of N)
 * POST /api/patches/apply   {@link ApplyRequest}  → {@link ApplyResponse}  (engine only, no model)
 * GET  /api/providers                              → {@link ProviderStatus} list
 * </pre>
 *
 * A patch that cannot be produced answers 422 ({@code unprocessable}: the model's edits never applied),
 * 503 ({@code unavailable}: every provider failed or timed out) or 400 (bad request).
 */
package dev.codeagent.contracts.patch;
