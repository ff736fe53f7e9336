package dev.codeagent.llmpatch.provider;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * Microsoft Entra ID bearer tokens for Azure OpenAI from an azure-identity credential. A token is reused until
 * {@code refreshSkew} before it expires, so the identity endpoint is asked about once an hour, not per call.
 */
public final class EntraTokens implements Supplier<String> {

    /** The resource every Azure OpenAI (Cognitive Services) data-plane token is issued for. */
    public static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";

    private final TokenCredential credential;
    private final Duration refreshSkew;
    private final Clock clock;
    private AccessToken cached;

    public EntraTokens(TokenCredential credential, Duration refreshSkew, Clock clock) {
        this.credential = credential;
        this.refreshSkew = refreshSkew;
        this.clock = clock;
    }

    /**
     * azure-identity's default chain: a service principal from {@code AZURE_TENANT_ID}/{@code AZURE_CLIENT_ID}/
     * {@code AZURE_CLIENT_SECRET} (or a certificate), AKS workload identity ({@code AZURE_FEDERATED_TOKEN_FILE}),
     * then the managed identity ({@code AZURE_CLIENT_ID} selects a user-assigned one).
     */
    public static EntraTokens defaultChain() {
        return new EntraTokens(new DefaultAzureCredentialBuilder().build(), Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Override
    public synchronized String get() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (cached == null || cached.getExpiresAt() == null || !cached.getExpiresAt().minus(refreshSkew).isAfter(now)) {
            cached = fetch();
        }
        return cached.getToken();
    }

    private AccessToken fetch() {
        AccessToken token;
        try {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(COGNITIVE_SERVICES_SCOPE));
        } catch (RuntimeException e) {
            // azure-identity's message names the credentials it tried and why they failed, never a secret.
            throw new ProviderException(FailureKind.AUTH, "no Microsoft Entra ID token for "
                    + COGNITIVE_SERVICES_SCOPE + ": " + firstLine(e.getMessage()), e);
        }
        if (token == null || token.getToken() == null || token.getToken().isBlank()) {
            throw new ProviderException(FailureKind.AUTH, "Microsoft Entra ID returned no token for "
                    + COGNITIVE_SERVICES_SCOPE, null);
        }
        return token;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
