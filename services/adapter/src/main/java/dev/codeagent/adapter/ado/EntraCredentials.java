package dev.codeagent.adapter.ado;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.codeagent.adapter.provider.GitProblems;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Bearer tokens from Microsoft Entra ID (service principal or managed identity, via azure-identity) for
 * the Azure DevOps resource. A token is reused until shortly before it expires, so the token endpoint is
 * called about once an hour, not once per request.
 */
public final class EntraCredentials implements AzureDevOpsCredentials {

    private final TokenCredential credential;
    private final Duration refreshSkew;
    private final Clock clock;
    private AccessToken cached;

    public EntraCredentials(TokenCredential credential, Duration refreshSkew, Clock clock) {
        this.credential = credential;
        this.refreshSkew = refreshSkew;
        this.clock = clock;
    }

    @Override
    public synchronized String authorizationHeader() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (cached == null || cached.getExpiresAt() == null
                || !cached.getExpiresAt().minus(refreshSkew).isAfter(now)) {
            cached = fetch();
        }
        return "Bearer " + cached.getToken();
    }

    private AccessToken fetch() {
        try {
            AccessToken token = credential.getTokenSync(
                    new TokenRequestContext().addScopes(AzureDevOpsScopes.ENTRA_SCOPE));
            if (token == null || token.getToken() == null) {
                throw GitProblems.unavailable("Microsoft Entra ID returned no token for Azure DevOps", null, null);
            }
            return token;
        } catch (RuntimeException e) {
            if (e instanceof dev.codeagent.platform.web.ApiProblemException problem) {
                throw problem;
            }
            if (hasIoCause(e)) {
                throw GitProblems.unavailable("Microsoft Entra ID is unreachable: " + firstLine(e.getMessage()),
                        null, e);
            }
            // The identity library's message names the tenant/client and the reason, never the secret.
            throw GitProblems.permission("Cannot get a Microsoft Entra ID token for Azure DevOps: "
                    + firstLine(e.getMessage()), AzureDevOpsScopes.ENTRA_SCOPE);
        }
    }

    @Override
    public synchronized void invalidate() {
        cached = null;
    }

    @Override
    public String kind() {
        return "entra";
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int cut = message.indexOf('\n');
        String line = cut > 0 ? message.substring(0, cut) : message;
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
