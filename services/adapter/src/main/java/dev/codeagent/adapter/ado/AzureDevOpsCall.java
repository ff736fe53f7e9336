package dev.codeagent.adapter.ado;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to the Azure DevOps REST API.
 *
 * @param method    HTTP method
 * @param path      path below the repository ({@code /pullrequests/7}), or empty for the repository itself
 * @param query     query parameters besides {@code api-version}
 * @param body      JSON body, or null
 * @param operation what the call does, for error messages ("create the branch agents/x")
 * @param scope     scope the credential needs for it, named when Azure DevOps refuses
 * @param retrySafe whether repeating the call after a lost answer cannot do harm (reads, and writes guarded
 *                  by an old object id, which Azure DevOps rejects the second time)
 * @param accept    the media type asked for: JSON, file content ({@link #asRaw()}) or a log's text ({@link #asText()})
 */
public record AzureDevOpsCall(String method, String path, Map<String, String> query, Object body,
        String operation, String scope, boolean retrySafe, String accept) {

    private static final String JSON = "application/json";

    public AzureDevOpsCall {
        query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public static AzureDevOpsCall get(String path, String operation, String scope) {
        return new AzureDevOpsCall("GET", path, Map.of(), null, operation, scope, true, JSON);
    }

    public AzureDevOpsCall withQuery(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put(name, value);
        return new AzureDevOpsCall(method, path, next, body, operation, scope, retrySafe, accept);
    }

    public static AzureDevOpsCall write(String method, String path, Object body, String operation, String scope,
            boolean retrySafe) {
        return new AzureDevOpsCall(method, path, Map.of(), body, operation, scope, retrySafe, JSON);
    }

    public AzureDevOpsCall asRaw() {
        return new AzureDevOpsCall(method, path, query, body, operation, scope, retrySafe, "application/octet-stream");
    }

    /** A build log as plain text (the same URL answers JSON lines or a zip for other media types). */
    public AzureDevOpsCall asText() {
        return new AzureDevOpsCall(method, path, query, body, operation, scope, retrySafe, "text/plain");
    }
}
