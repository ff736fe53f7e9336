package dev.codeagent.gateway.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The organization a delivery is for, read from a URL Azure DevOps put into it. Three URL forms exist:
 * <ul>
 *   <li>{@code https://dev.azure.com/{organization}/…} — the organization is the first path segment;</li>
 *   <li>{@code https://{organization}.visualstudio.com/[DefaultCollection/]…} — the classic form names it in
 *       the host, and {@code DefaultCollection} is only a path;</li>
 *   <li>Azure DevOps Server {@code https://{host}[/{virtual dir}]/{collection}/…} — the collection plays the
 *       organization's part, and is the last path segment of the collection's URL.</li>
 * </ul>
 * A resource URL ({@code …/_apis/git/…}) is cut at {@code _apis}, and a project id right before it
 * ({@code {collection}/{project id}/_apis}) is dropped. Names on Azure DevOps Services are lower-cased: the
 * service compares them without regard to case, and a comment must get the same idempotency key whichever
 * form its delivery used. A collection keeps its spelling, which is what requests to the server use.
 */
final class AdoOrganizations {

    private static final String SERVICES_HOST = "dev.azure.com";
    private static final String CLASSIC_HOST_SUFFIX = ".visualstudio.com";
    private static final String API_SEGMENT = "_apis";
    private static final Pattern PROJECT_ID = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private AdoOrganizations() {
    }

    /** The organization of a {@code resourceContainers.*.baseUrl}, or null when the URL names none. */
    static String ofBaseUrl(String url) {
        URI uri = parse(url);
        return uri == null ? null : organization(uri, segments(uri));
    }

    /** The organization of a REST resource's URL ({@code …/_apis/…}), or null when the URL names none. */
    static String ofResourceUrl(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return null;
        }
        List<String> segments = segments(uri);
        int api = indexOfApi(segments);
        if (api < 0) {
            return null;
        }
        segments = segments.subList(0, api);
        if (!segments.isEmpty() && PROJECT_ID.matcher(segments.get(segments.size() - 1)).matches()) {
            segments = segments.subList(0, segments.size() - 1);
        }
        return organization(uri, segments);
    }

    private static String organization(URI uri, List<String> segments) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String name;
        if (host.equals(SERVICES_HOST)) {
            name = segments.isEmpty() ? null : segments.get(0).toLowerCase(Locale.ROOT);
        } else if (host.endsWith(CLASSIC_HOST_SUFFIX)) {
            name = host.substring(0, host.indexOf('.'));
        } else {
            name = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        }
        // A percent-encoded control character in the path decodes to a real one: such a URL names nothing.
        return name == null || name.isBlank() || name.length() > JsonFields.MAX_NAME_LENGTH
                || JsonFields.hasControlCharacters(name) ? null : name;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> segments(URI uri) {
        List<String> segments = new ArrayList<>();
        String path = uri.getPath();
        if (path != null) {
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        return segments;
    }

    private static int indexOfApi(List<String> segments) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).equalsIgnoreCase(API_SEGMENT)) {
                return i;
            }
        }
        return -1;
    }
}
