package dev.codeagent.gateway.delivery;

import java.util.List;

/** What a delivery body turned out to be. */
public sealed interface ReadResult {

    /** A comment to look at. */
    record Event(CommentEvent event) implements ReadResult {
    }

    /** Well-formed but not for us; {@code reason} is a short stable code. */
    record Ignored(String eventType, String reason) implements ReadResult {
    }

    /** Required fields are missing or have the wrong type; each entry names a JSON path. */
    record Invalid(String detail, List<String> fields) implements ReadResult {
    }
}
