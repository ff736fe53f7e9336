package dev.codeagent.adapter.ado;

import java.net.http.HttpHeaders;

/** An answer from Azure DevOps: status, headers and the body bytes (possibly cut at a size limit). */
public record AzureDevOpsResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
