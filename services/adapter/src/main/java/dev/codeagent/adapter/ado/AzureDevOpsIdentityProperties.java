package dev.codeagent.adapter.ado;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the adapter reads identities and group memberships ({@link AzureDevOpsIdentities}).
 *
 * @param baseUrl the identity host ({@code CODEAGENT_ADO_IDENTITY_BASE_URL}); unset, it is
 *                {@code https://vssps.dev.azure.com} for Azure DevOps Services and the base URL itself for a Server
 */
@Validated
@ConfigurationProperties("codeagent.ado.identity")
public record AzureDevOpsIdentityProperties(
        @Pattern(regexp = "https?://\\S+", message = "CODEAGENT_ADO_IDENTITY_BASE_URL must be an http(s) URL")
        String baseUrl) {

    public AzureDevOpsIdentityProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
    }
}
