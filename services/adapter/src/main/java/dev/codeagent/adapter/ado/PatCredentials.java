package dev.codeagent.adapter.ado;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A personal access token, sent as HTTP Basic with an empty user name, as Azure DevOps expects. */
public final class PatCredentials implements AzureDevOpsCredentials {

    private final String header;

    public PatCredentials(String pat) {
        this.header = "Basic " + Base64.getEncoder().encodeToString((":" + pat).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String authorizationHeader() {
        return header;
    }

    @Override
    public String kind() {
        return "pat";
    }

    @Override
    public String toString() {
        return "PatCredentials[******]";
    }
}
