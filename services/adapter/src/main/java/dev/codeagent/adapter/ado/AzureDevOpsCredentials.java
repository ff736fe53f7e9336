package dev.codeagent.adapter.ado;

/** Produces the {@code Authorization} header value for a call to Azure DevOps. */
public interface AzureDevOpsCredentials {

    String authorizationHeader();

    /** {@code pat} or {@code entra}, for diagnostics. */
    String kind();

    /** Forgets a cached token after Azure DevOps rejected it, so the next call fetches a fresh one. */
    default void invalidate() {
    }
}
