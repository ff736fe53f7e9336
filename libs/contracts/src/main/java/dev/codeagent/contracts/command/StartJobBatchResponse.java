package dev.codeagent.contracts.command;

import java.util.List;

/** The answers to a {@link StartJobBatchRequest}'s items, in the items' order. */
public record StartJobBatchResponse(List<StartJobBatchResult> results) {
}
