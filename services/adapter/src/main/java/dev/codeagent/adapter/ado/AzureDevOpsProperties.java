package dev.codeagent.adapter.ado;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code azure-devops} provider. Secrets ({@code pat}, {@code clientSecret}) are masked in
 * {@link #toString()} so that no log or error message can show them.
 *
 * @param baseUrl          where the organizations are: {@code https://dev.azure.com} for Azure DevOps Services
 *                         (organizations on {@code {org}.visualstudio.com} included: the same organization
 *                         answers under {@code https://dev.azure.com/{org}}), or an Azure DevOps Server URL with
 *                         its virtual directory such as {@code https://tfs.example.com/tfs} (the collection is
 *                         then the organization). Requests go to
 *                         {@code {baseUrl}/{organization}/{project}/_apis/…}, so the URL names no organization.
 * @param auth             {@code auto} (PAT when set, else Entra ID when a tenant or client id is set, else
 *                         off), {@code pat}, {@code entra} or {@code none}
 * @param pat              personal access token, sent as Basic with an empty user name
 * @param tenantId         Entra ID tenant of the service principal
 * @param clientId         application (client) id of the service principal or user-assigned managed identity
 * @param clientSecret     client secret of the service principal; without it a managed identity is used
 * @param authorityHost    Entra ID authority (other clouds use other hosts)
 * @param connectTimeout   connect timeout of each call
 * @param readTimeout      time to wait for each answer
 * @param maxAttempts      attempts per call when Azure DevOps throttles (429/503) or the network fails
 * @param maxRetryWait     longest Retry-After the adapter waits out itself; longer ones go back to the caller
 * @param retryBackoff     first back-off when no Retry-After is given (doubles per attempt)
 * @param tokenRefreshSkew Entra ID tokens are renewed this long before they expire
 */
@Validated
@ConfigurationProperties("codeagent.ado")
public record AzureDevOpsProperties(
        @NotBlank String baseUrl,
        @NotNull Auth auth,
        String pat,
        String tenantId,
        String clientId,
        String clientSecret,
        @NotBlank String authorityHost,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @Min(1) @Max(10) int maxAttempts,
        @NotNull Duration maxRetryWait,
        @NotNull Duration retryBackoff,
        @NotNull Duration tokenRefreshSkew) {

    private static final String SERVICES_URL = "https://dev.azure.com";

    /** How the adapter authenticates to Azure DevOps. */
    public enum Auth { AUTO, PAT, ENTRA, NONE }

    public AzureDevOpsProperties {
        baseUrl = baseUrl == null ? null : baseUrl.strip().replaceAll("/+$", "");
        pat = blankToNull(pat);
        tenantId = blankToNull(tenantId);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
    }

    /** The scheme in effect once {@code auto} is resolved. */
    public Auth effectiveAuth() {
        if (auth != Auth.AUTO) {
            return auth;
        }
        if (pat != null) {
            return Auth.PAT;
        }
        return tenantId != null || clientId != null ? Auth.ENTRA : Auth.NONE;
    }

    /** Fails fast on settings that cannot work, naming the variable to set. */
    public void validate() {
        Auth effective = effectiveAuth();
        if (effective == Auth.PAT && pat == null) {
            throw new IllegalStateException("CODEAGENT_ADO_AUTH=pat needs CODEAGENT_ADO_PAT");
        }
        if (effective == Auth.ENTRA && clientSecret != null && (tenantId == null || clientId == null)) {
            throw new IllegalStateException("A service principal (CODEAGENT_ADO_CLIENT_SECRET) needs "
                    + "CODEAGENT_ADO_TENANT_ID and CODEAGENT_ADO_CLIENT_ID");
        }
        if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            throw new IllegalStateException("CODEAGENT_ADO_BASE_URL must be an http(s) URL");
        }
        String namedOrganization = organizationNamedBy(baseUrl);
        if (namedOrganization != null) {
            throw new IllegalStateException("CODEAGENT_ADO_BASE_URL (" + baseUrl + ") names the organization '"
                    + namedOrganization + "'; set it to " + SERVICES_URL + ": each request names the organization "
                    + "of its job (" + SERVICES_URL + "/" + namedOrganization + "/{project}/_apis/…)");
        }
    }

    /**
     * The organization an Azure DevOps Services URL names ({@code https://dev.azure.com/{org}} or
     * {@code https://{org}.visualstudio.com}), or null for the service's root and for any server.
     */
    private static String organizationNamedBy(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CODEAGENT_ADO_BASE_URL is not a valid URL: " + url, e);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (host.endsWith(".visualstudio.com")) {
            return host.substring(0, host.indexOf('.'));
        }
        return host.equals("dev.azure.com") && !path.isEmpty() ? path.split("/")[0] : null;
    }

    @Override
    public String toString() {
        return "AzureDevOpsProperties[baseUrl=" + baseUrl + ", auth=" + auth + ", pat=" + mask(pat)
                + ", tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=" + mask(clientSecret)
                + ", authorityHost=" + authorityHost + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxAttempts=" + maxAttempts + ", maxRetryWait=" + maxRetryWait
                + ", retryBackoff=" + retryBackoff + ", tokenRefreshSkew=" + tokenRefreshSkew + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
