package dev.codeagent.contracts.git;

import dev.codeagent.contracts.command.Author;

/**
 * Asks the adapter whether {@code author} may ask the agent for changes in the repository of the path. A missing
 * author is answered too: allowed only where the policy lets anyone trigger.
 */
public record TriggerPermissionRequest(Author author) {
}
