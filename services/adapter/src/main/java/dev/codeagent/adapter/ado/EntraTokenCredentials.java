package dev.codeagent.adapter.ado;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;

/**
 * Builds the azure-identity credential for the configured Entra ID identity: a service principal when a
 * client secret is set, otherwise a managed identity (user-assigned when a client id is set).
 */
public final class EntraTokenCredentials {

    private EntraTokenCredentials() {
    }

    /** {@code httpClient} may be null (azure-identity's default); tests pass one that trusts a fake. */
    public static TokenCredential create(AzureDevOpsProperties properties, HttpClient httpClient) {
        if (properties.clientSecret() != null) {
            ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder()
                    .tenantId(properties.tenantId())
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .authorityHost(properties.authorityHost());
            if (httpClient != null) {
                builder.httpClient(httpClient).disableInstanceDiscovery();
            }
            return builder.build();
        }
        ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
        if (properties.clientId() != null) {
            builder.clientId(properties.clientId());
        }
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        return builder.build();
    }
}
