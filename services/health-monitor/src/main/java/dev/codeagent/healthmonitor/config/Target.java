package dev.codeagent.healthmonitor.config;

import java.net.URI;
import java.time.Duration;

/** One component the monitor checks with a plain GET. */
public record Target(String name, URI url, ExpectedStatus expectedStatus, Duration timeout, boolean critical) {

    /** The URL without user info, safe to show on the dashboard. */
    public String displayUrl() {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }
}
