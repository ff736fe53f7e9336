package dev.codeagent.gateway.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people see a job: the health monitor's dashboard at its public address
 * ({@code CODEAGENT_DASHBOARD_URL}, the variable the orchestrator links its pull request comments with).
 * A delivery's answer links the job's page, {@code <url>/jobs/<id>}; unset, the answer carries no link, as
 * the gateway knows no address of the dashboard that the sender could reach.
 *
 * @param url the dashboard's base URL, without a trailing slash; null when not configured
 */
@ConfigurationProperties("codeagent.dashboard")
public record DashboardProperties(String url) {

    public DashboardProperties {
        if (url == null || url.isBlank()) {
            url = null;
        } else {
            url = url.strip().replaceAll("/+$", "");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("CODEAGENT_DASHBOARD_URL is not a URL: '" + url + "'.", e);
            }
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalStateException("CODEAGENT_DASHBOARD_URL must be an absolute http(s) URL, e.g. "
                        + "https://agent.example.com: '" + url + "'.");
            }
        }
    }
}
