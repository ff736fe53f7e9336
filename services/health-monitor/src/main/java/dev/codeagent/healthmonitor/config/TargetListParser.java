package dev.codeagent.healthmonitor.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the compact target list of {@code CODEAGENT_MONITOR_TARGETS}:
 * <pre>name=url[|critical|optional][|expectedStatus][|timeout];name=url...</pre>
 * Entries are separated by {@code ;} or new lines (a {@code ,} directly followed by {@code name=http} also
 * works); the attributes after the URL may come in any order: {@code critical} (the default) or
 * {@code optional}, an expected status such as {@code 200}, {@code 2xx}, {@code 200-399} or {@code 400,403},
 * and a timeout such as {@code 2s} or {@code 500ms}. A URL without any path ({@code http://gateway:3001})
 * is taken as the base URL of a Code Agent service and checked at {@value #READINESS_PATH}; write a
 * trailing {@code /} to check the root itself.
 */
public final class TargetListParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    /** Entry separators: ';', new lines, or a comma that starts a new {@code name=http...} entry. */
    private static final Pattern SEPARATOR = Pattern.compile("[;\\n]|,(?=\\s*[A-Za-z0-9][A-Za-z0-9._-]*=https?://)");
    static final String READINESS_PATH = "/actuator/health/readiness";

    private TargetListParser() {
    }

    /** Parses {@code spec}; every target without its own timeout gets {@code defaultTimeout}. */
    public static List<Target> parse(String spec, Duration defaultTimeout) {
        List<Target> targets = new ArrayList<>();
        for (String raw : SEPARATOR.split(spec)) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw invalid(entry, "expected name=url");
            }
            String name = entry.substring(0, eq).strip();
            String[] parts = entry.substring(eq + 1).split("\\|");
            String url = withDefaultPath(parts[0].strip());
            boolean critical = true;
            ExpectedStatus expected = ExpectedStatus.SUCCESS;
            Duration timeout = defaultTimeout;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
                if (attribute.equals("critical")) {
                    critical = true;
                } else if (attribute.equals("optional")) {
                    critical = false;
                } else if (ExpectedStatus.looksLikeSpec(attribute)) {
                    expected = ExpectedStatus.parse(attribute);
                } else if (DURATION.matcher(attribute).matches()) {
                    timeout = parseDuration(attribute);
                } else {
                    throw invalid(entry, "unknown attribute '" + parts[i].strip()
                            + "' (use critical, optional, an expected status like 2xx or a timeout like 2s)");
                }
            }
            targets.add(target(name, url, expected, timeout, critical));
        }
        return requireUniqueNames(targets);
    }

    /** Validates and builds one target; shared with targets configured in YAML. */
    public static Target target(String name, String url, ExpectedStatus expected, Duration timeout,
            boolean critical) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid monitor target name '" + name
                    + "': use letters, digits, '.', '_' or '-' (at most 63)");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid URL for monitor target '" + name + "': " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("Invalid URL for monitor target '" + name
                    + "': need an absolute http(s) URL with a host, got '" + url + "'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Timeout of monitor target '" + name + "' must be positive");
        }
        return new Target(name, uri, expected, timeout, critical);
    }

    /** Rejects two targets with the same name: /health keys services by name. */
    public static List<Target> requireUniqueNames(List<Target> targets) {
        Set<String> names = new LinkedHashSet<>();
        for (Target target : targets) {
            if (!names.add(target.name())) {
                throw new IllegalArgumentException("Monitor target '" + target.name() + "' is configured twice");
            }
        }
        return List.copyOf(targets);
    }

    private static String withDefaultPath(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null) {
                return url + READINESS_PATH;
            }
        } catch (IllegalArgumentException e) {
            // target() reports the invalid URL with the target's name
        }
        return url;
    }

    private static Duration parseDuration(String value) {
        var m = DURATION.matcher(value);
        m.matches();
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("Invalid entry '" + entry + "' in CODEAGENT_MONITOR_TARGETS: " + why
                + ". Format: name=url[|critical|optional][|expectedStatus][|timeout];...");
    }
}
