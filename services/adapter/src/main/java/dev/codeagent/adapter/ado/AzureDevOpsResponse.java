package dev.codeagent.adapter.ado;

import java.io.InputStream;
import java.net.http.HttpHeaders;

/**
 * An answer from Azure DevOps: status, headers and the body bytes (possibly cut at a size limit), or, for a
 * successful {@link AzureDevOpsClient#open streamed} call, the unread body in {@code stream} (null otherwise).
 */
public record AzureDevOpsResponse(int status, HttpHeaders headers, byte[] body, boolean truncated,
        InputStream stream) {

    public AzureDevOpsResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {
        this(status, headers, body, truncated, null);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
