package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.AgentMarker;

/**
 * Makes comment creation safe to retry. A caller that sends an {@code Idempotency-Key} gets a hidden
 * marker carrying the key appended to the comment; before creating, the provider looks for a comment
 * carrying that marker and returns it instead. The marker lives in the comment itself, so the check works
 * the same on every git host and survives adapter restarts.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /** The marker for {@code key}, or null without a key. */
    public static String marker(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 200) {
            throw GitProblems.invalid("Idempotency-Key is longer than 200 characters");
        }
        return AgentMarker.of("idempotency-key", key.strip());
    }

    /** {@code content} with the marker appended (unchanged without one). */
    public static String withMarker(String content, String marker) {
        if (marker == null || content.contains(marker)) {
            return content;
        }
        return content + "\n\n" + marker;
    }
}
