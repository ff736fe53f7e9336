package dev.codeagent.healthmonitor.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may open the dashboard and its APIs, and how Prometheus authenticates.
 *
 * @param auth         {@code basic} (default), {@code oidc} or {@code none}
 * @param users        htpasswd lines ({@code CODEAGENT_DASHBOARD_USERS}); when blank, {@code usersFile} is read
 * @param usersFile    htpasswd file read at start-up when {@code users} is blank
 * @param oidc         the OpenID Connect provider (Microsoft Entra ID) of {@code auth=oidc}
 * @param metricsToken bearer token {@code /actuator/prometheus} requires instead of a dashboard sign-in;
 *                     blank = the scraper signs in like a person
 */
@Validated
@ConfigurationProperties("codeagent.dashboard")
public record DashboardAuthProperties(
        @NotNull Mode auth,
        String users,
        String usersFile,
        @Valid @NotNull Oidc oidc,
        String metricsToken) {

    /** How people sign in to the dashboard. */
    public enum Mode { BASIC, OIDC, NONE }

    public DashboardAuthProperties {
        users = blankToNull(users);
        usersFile = blankToNull(usersFile);
        metricsToken = blankToNull(metricsToken);
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalStateException("CODEAGENT_METRICS_TOKEN is too short: use at least 16 random "
                    + "characters (e.g. openssl rand -hex 32).");
        }
        if (auth == Mode.OIDC && oidc != null) {
            oidc.requireComplete();
        }
    }

    /**
     * The OpenID Connect client of {@code auth=oidc}.
     *
     * @param issuer       issuer URI, e.g. {@code https://login.microsoftonline.com/<tenant-id>/v2.0}; its
     *                     discovery document is read at start-up
     * @param clientId     application (client) id of the app registration
     * @param clientSecret a client secret of the app registration
     * @param allowedGroup object id of the group whose members may sign in (the ID token's {@code groups} claim)
     */
    public record Oidc(String issuer, String clientId, String clientSecret, String allowedGroup) {

        public Oidc {
            issuer = blankToNull(issuer);
            clientId = blankToNull(clientId);
            clientSecret = blankToNull(clientSecret);
            allowedGroup = blankToNull(allowedGroup);
        }

        void requireComplete() {
            List<String> missing = new ArrayList<>();
            if (issuer == null) {
                missing.add("CODEAGENT_DASHBOARD_OIDC_ISSUER");
            }
            if (clientId == null) {
                missing.add("CODEAGENT_DASHBOARD_OIDC_CLIENT_ID");
            }
            if (clientSecret == null) {
                missing.add("CODEAGENT_DASHBOARD_OIDC_CLIENT_SECRET");
            }
            if (allowedGroup == null) {
                missing.add("CODEAGENT_DASHBOARD_OIDC_ALLOWED_GROUP");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CODEAGENT_DASHBOARD_AUTH=oidc needs " + String.join(", ", missing)
                        + " (see docs/health-monitor.md#sign-in).");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
