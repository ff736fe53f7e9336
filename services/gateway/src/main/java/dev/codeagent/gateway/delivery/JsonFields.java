package dev.codeagent.gateway.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of an untrusted JSON tree without throwing: a missing or mistyped required field is
 * recorded under its JSON path, so the caller can answer one 400 naming all of them. Names and ids,
 * required or optional, are refused when they hold control characters (line breaks, carriage returns,
 * escape sequences, Unicode line separators): no genuine name has them, and in a log line or a branch name
 * they would forge or break what follows. Comment content is not a name and may hold line breaks.
 */
final class JsonFields {

    private final List<String> problems = new ArrayList<>();
    private final List<String> withControlCharacters = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    /** The 400 detail naming every problem. */
    String detail() {
        return "Missing or invalid fields: " + String.join(", ", problems) + (withControlCharacters.isEmpty() ? ""
                : " (control characters are not allowed in " + String.join(", ", withControlCharacters) + ")");
    }

    /**
     * Names and ids end up in idempotency keys (at most 512 characters) and branch names. Azure DevOps
     * allows 50 characters for an organisation and 64 for a project or repository, so this is generous.
     */
    static final int MAX_NAME_LENGTH = 128;

    /** A required non-blank name or id of bounded length. */
    String requiredText(JsonNode parent, String name, String path) {
        String value = text(parent, name);
        if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            problems.add(path);
            return null;
        }
        return refusingControlCharacters(value, path);
    }

    /** An optional name or id; dropped when absent, not a string, or implausibly long. */
    String optionalText(JsonNode parent, String name, String path) {
        String value = text(parent, name);
        return value == null || value.length() > MAX_NAME_LENGTH ? null : refusingControlCharacters(value, path);
    }

    private String refusingControlCharacters(String value, String path) {
        if (hasControlCharacters(value)) {
            problems.add(path);
            withControlCharacters.add(path);
            return null;
        }
        return value;
    }

    /** C0 and C1 controls (tab and line breaks included), DEL, and the Unicode line and paragraph separators. */
    static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
                return true;
            }
        }
        return false;
    }

    /** A required string that may be empty (comment content). */
    String requiredContent(JsonNode parent, String name, String path) {
        String value = text(parent, name);
        if (value == null) {
            problems.add(path);
        }
        return value;
    }

    /** A required ISO-8601 timestamp. */
    Instant requiredInstant(JsonNode parent, String name, String path) {
        Instant value = instant(parent, name);
        if (value == null) {
            problems.add(path);
        }
        return value;
    }

    /** A required positive integer, as a JSON number or a string of digits. */
    long requiredPositive(JsonNode parent, String name, String path) {
        Long value = positive(parent.path(name));
        if (value == null) {
            problems.add(path);
            return 0;
        }
        return value;
    }

    static String text(JsonNode parent, String name) {
        JsonNode node = parent.path(name);
        return node.isString() ? node.stringValue() : null;
    }

    /** An optional non-negative integer; null when absent or not an integer. */
    static Long optionalNonNegative(JsonNode parent, String name) {
        JsonNode node = parent.path(name);
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        return null;
    }

    static Long positive(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long v = node.longValue();
            return v > 0 ? v : null;
        }
        if (node.isString()) {
            return parsePositive(node.stringValue());
        }
        return null;
    }

    static Long parsePositive(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v > 0 ? v : null;
    }

    static boolean flag(JsonNode parent, String name) {
        JsonNode node = parent.path(name);
        return node.isBoolean() && node.booleanValue();
    }

    /** An optional timestamp; a malformed one is dropped rather than refused, as it is informational. */
    static Instant instant(JsonNode parent, String name) {
        String value = text(parent, name);
        return value == null ? null : IsoInstants.parseOrNull(value);
    }
}
