package dev.codeagent.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every service.
 *
 * @param internalToken  bearer token the services present to each other ({@code CODEAGENT_INTERNAL_TOKEN})
 * @param internalAuth   {@code token} (default) or {@code none} to switch internal authentication off for
 *                       local development ({@code CODEAGENT_INTERNAL_AUTH})
 * @param publicPaths    path patterns that need no internal token, besides {@code /actuator/**}; each
 *                       service sets its own
 * @param connectTimeout connect timeout of calls to other services
 * @param readTimeout    default read timeout of calls to other services
 */
@Validated
@ConfigurationProperties("codeagent.platform")
public record PlatformProperties(
        String internalToken,
        @NotNull InternalAuth internalAuth,
        List<String> publicPaths,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {

    /** How internal APIs are protected. */
    public enum InternalAuth { TOKEN, NONE }

    public PlatformProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        internalToken = internalToken == null || internalToken.isBlank() ? null : internalToken.strip();
        if (internalAuth == InternalAuth.TOKEN && internalToken == null) {
            throw new IllegalStateException("CODEAGENT_INTERNAL_TOKEN is not set. The services authenticate "
                    + "each other with it: set the same random value for every service (bin/codeagent up "
                    + "generates one), or set CODEAGENT_INTERNAL_AUTH=none for local development only.");
        }
        if (internalToken != null && internalToken.length() < 16) {
            throw new IllegalStateException("CODEAGENT_INTERNAL_TOKEN is too short: use at least 16 random "
                    + "characters (e.g. openssl rand -hex 32).");
        }
    }
}
