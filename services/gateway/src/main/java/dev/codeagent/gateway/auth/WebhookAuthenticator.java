package dev.codeagent.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Authenticates service-hook deliveries. Azure DevOps signs nothing, but it can send HTTP Basic
 * credentials and custom headers; every mechanism that is configured must pass (Basic and the secret
 * header may both be on). Secrets are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * so neither their content nor their length leaks through timing.
 */
@Component
public class WebhookAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(WebhookAuthenticator.class);
    private static final String BASIC = "basic ";

    /** Result of a check; anything but {@link #OK} is a 401. */
    public enum Result {
        OK, MISSING, INVALID, NOT_CONFIGURED;

        public String metricTag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final WebhookProperties properties;
    private final byte[] expectedBasic;
    private final byte[] expectedSecret;
    private final String challenge;
    /** Never used itself, only cloned: a MessageDigest is not thread-safe. */
    private final MessageDigest digestPrototype = sha256Digest();

    public WebhookAuthenticator(WebhookProperties properties) {
        this.properties = properties;
        this.expectedBasic = properties.basicConfigured()
                ? sha256(properties.username() + ":" + properties.password()) : null;
        this.expectedSecret = properties.secretConfigured() ? sha256(properties.secret()) : null;
        this.challenge = properties.basicConfigured()
                ? "Basic realm=\"codeagent-webhook\", charset=\"UTF-8\""
                : "CodeAgent-Secret realm=\"codeagent-webhook\", header=\"" + properties.secretHeader() + "\"";
        reportMode();
    }

    /** The header that carries the shared secret. */
    public String secretHeader() {
        return properties.secretHeader();
    }

    /** Value of {@code WWW-Authenticate} on a 401. */
    public String challenge() {
        return challenge;
    }

    public Result check(String authorization, String secretValue) {
        if (properties.auth() == WebhookProperties.Mode.NONE) {
            return Result.OK;
        }
        if (expectedBasic == null && expectedSecret == null) {
            return Result.NOT_CONFIGURED;
        }
        // Evaluate every configured mechanism, so timing does not reveal which one failed.
        Result basic = expectedBasic == null ? Result.OK : checkBasic(authorization);
        Result secret = expectedSecret == null ? Result.OK : checkSecret(secretValue);
        if (basic == Result.OK && secret == Result.OK) {
            return Result.OK;
        }
        return basic == Result.MISSING || secret == Result.MISSING ? Result.MISSING : Result.INVALID;
    }

    private Result checkBasic(String authorization) {
        if (authorization == null || authorization.length() <= BASIC.length()
                || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Result.MISSING;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip());
        } catch (IllegalArgumentException e) {
            return Result.INVALID;
        }
        return MessageDigest.isEqual(expectedBasic, sha256(decoded)) ? Result.OK : Result.INVALID;
    }

    private Result checkSecret(String value) {
        if (value == null || value.isEmpty()) {
            return Result.MISSING;
        }
        return MessageDigest.isEqual(expectedSecret, sha256(value.strip())) ? Result.OK : Result.INVALID;
    }

    private void reportMode() {
        if (properties.auth() == WebhookProperties.Mode.NONE) {
            log.warn("Webhook authentication is OFF (CODEAGENT_WEBHOOK_AUTH=none): anyone who can reach "
                    + "/webhook/ado and /api/comment-events can start jobs. Use this for local development only.");
        } else if (expectedBasic == null && expectedSecret == null) {
            log.error("No webhook credentials are configured: every delivery will be refused with 401. Set "
                    + "CODEAGENT_WEBHOOK_SECRET (sent in header {}) and/or CODEAGENT_WEBHOOK_USERNAME and "
                    + "CODEAGENT_WEBHOOK_PASSWORD, or CODEAGENT_WEBHOOK_AUTH=none for local development.",
                    properties.secretHeader());
        } else {
            log.info("Webhook authentication: {}{}", expectedBasic != null ? "HTTP Basic" : "",
                    expectedSecret != null ? (expectedBasic != null ? " + " : "") + "secret header "
                            + properties.secretHeader() : "");
            if (expectedSecret != null && properties.secret().length() < 16) {
                log.warn("CODEAGENT_WEBHOOK_SECRET is shorter than 16 characters; use a long random value.");
            }
        }
    }

    private byte[] sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] sha256(byte[] value) {
        return newDigest().digest(value);
    }

    /**
     * A fresh SHA-256 digest. Cloning a ready instance skips the provider look-up of
     * {@link MessageDigest#getInstance}, which was a visible share of a delivery's CPU time.
     */
    private MessageDigest newDigest() {
        try {
            return (MessageDigest) digestPrototype.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Digest();
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
