package dev.codeagent.contracts.command;

import java.util.List;

/**
 * Several start commands in one call ({@code POST /api/orchestrators/edit-variants/batch}): the gateway's
 * hand-off, which sends the commands that arrive while its earlier calls are in flight together. The
 * items are independent — each gets its own answer in {@link StartJobBatchResponse}, and an invalid one
 * does not affect the others — and each is idempotent by its command's key, so a batch can be repeated
 * as a whole after a failed call. At most {@link #MAX_ITEMS} items.
 */
public record StartJobBatchRequest(List<StartJobBatchItem> items) {

    public static final int MAX_ITEMS = 100;
}
