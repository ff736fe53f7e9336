package dev.codeagent.adapter.ado;

import tools.jackson.databind.JsonNode;

/** Reading Azure DevOps answers, where an absent field and a null one mean the same. */
final class AzureDevOpsAnswers {

    private AzureDevOpsAnswers() {
    }

    /** The field as text; null when it is absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** {@code src/a.py} for the {@code /src/a.py} Azure DevOps writes: paths in the API are relative. */
    static String relativePath(String path) {
        return path == null ? null : path.startsWith("/") ? path.substring(1) : path;
    }

    /** {@code " (message)"} to append to an error, or nothing when Azure DevOps gave no message. */
    static String inParentheses(String message) {
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }
}
