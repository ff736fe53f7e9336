package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.AgentMarker;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes comment creation safe to retry. A caller that sends an {@code Idempotency-Key} gets a hidden
 * marker carrying the key appended to the comment; before creating, the provider looks for a comment
 * carrying that marker and returns it instead. The marker lives in the comment itself, so the check works
 * the same on every git host and survives adapter restarts; an update of the comment keeps it (see
 * {@link #keptIn}), or a create repeated after the edit would no longer find the comment.
 */
public final class IdempotencyKeys {

    private static final String KIND = "idempotency-key";
    /** What {@link AgentMarker#of} makes of any key. */
    private static final Pattern ANY_MARKER = Pattern.compile(Pattern.quote(AgentMarker.PREFIX + KIND + "=")
            + "[A-Za-z0-9_./-]*" + Pattern.quote(" -->"));

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
        return AgentMarker.of(KIND, key.strip());
    }

    /** {@code content} with the marker appended (unchanged without one). */
    public static String withMarker(String content, String marker) {
        if (marker == null || content.contains(marker)) {
            return content;
        }
        return content + "\n\n" + marker;
    }

    /**
     * The new {@code content} of a comment that reads {@code current} now, carrying the marker {@code current}
     * carries: callers rewrite a comment without knowing the key it was created with.
     */
    public static String keptIn(String content, String current) {
        Matcher marker = ANY_MARKER.matcher(current == null ? "" : current);
        return marker.find() ? withMarker(content, marker.group()) : content;
    }
}
