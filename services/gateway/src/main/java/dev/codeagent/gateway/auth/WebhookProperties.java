package dev.codeagent.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries to the public endpoints are authenticated and bounded.
 *
 * @param auth         {@code required} (default) or {@code none} (local development only)
 * @param username     HTTP Basic user name; with {@code password}, Basic authentication is on
 * @param password     HTTP Basic password
 * @param secretHeader name of the header that carries the shared secret
 * @param secret       shared secret; when set, the header must carry it
 * @param maxBodySize  largest accepted body; larger ones get 413
 * @param maxAge       oldest Azure DevOps delivery accepted, by its {@code createdDate}; older ones get 400
 */
@Validated
@ConfigurationProperties("codeagent.webhook")
public record WebhookProperties(
        @NotNull Mode auth,
        String username,
        String password,
        @NotBlank String secretHeader,
        String secret,
        @NotNull DataSize maxBodySize,
        @NotNull Duration maxAge) {

    /** Whether deliveries must authenticate. */
    public enum Mode { REQUIRED, NONE }

    public WebhookProperties {
        username = blankToNull(username);
        password = blankToNull(password);
        secret = blankToNull(secret);
        if ((username == null) != (password == null)) {
            throw new IllegalStateException("Set both CODEAGENT_WEBHOOK_USERNAME and CODEAGENT_WEBHOOK_PASSWORD "
                    + "for HTTP Basic authentication of webhook deliveries, or neither.");
        }
        if (maxBodySize != null && (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 16)) {
            throw new IllegalStateException("CODEAGENT_WEBHOOK_MAX_BODY_SIZE must be between 1KB and 2GB.");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalStateException("CODEAGENT_WEBHOOK_MAX_AGE must be positive.");
        }
    }

    public boolean basicConfigured() {
        return username != null;
    }

    public boolean secretConfigured() {
        return secret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
