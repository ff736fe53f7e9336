package dev.codeagent.gateway.delivery;

import java.util.List;

/**
 * What a delivery body turned out to be. Callers act on it through a {@link Visitor}, so that a new kind
 * of result does not compile until every such place handles it.
 */
public sealed interface ReadResult {

    /** Calls the visitor's method for this kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of result. */
    interface Visitor<R> {
        R event(Event result);

        R ignored(Ignored result);

        R invalid(Invalid result);
    }

    /** A comment to look at. */
    record Event(CommentEvent event) implements ReadResult {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.event(this); }
    }

    /** Well-formed but not for us; {@code reason} is a short stable code. */
    record Ignored(String eventType, String reason) implements ReadResult {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.ignored(this); }
    }

    /** Required fields are missing or have the wrong type; each entry names a JSON path. */
    record Invalid(String detail, List<String> fields) implements ReadResult {
        @Override public <R> R accept(Visitor<R> visitor) { return visitor.invalid(this); }
    }
}
