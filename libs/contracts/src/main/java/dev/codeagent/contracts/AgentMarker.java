package dev.codeagent.contracts;

import java.util.regex.Pattern;

/**
 * The hidden marker the agent puts into everything it posts (comments, PR descriptions), so that the
 * gateway never reacts to the agent's own words and the adapter can find what the agent created before.
 * It is an HTML comment: Azure DevOps renders markdown and hides it.
 */
public final class AgentMarker {

    public static final String PREFIX = "<!-- codeagent:";
    private static final Pattern ANY = Pattern.compile("<!--\\s*codeagent:", Pattern.CASE_INSENSITIVE);

    private AgentMarker() {
    }

    /** A marker naming what the text belongs to, e.g. {@code of("job", "abc", "variant", "2")}. */
    public static String of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("marker needs key/value pairs");
        }
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(sanitize(keyValues[i])).append('=').append(sanitize(keyValues[i + 1]));
        }
        return sb.append(" -->").toString();
    }

    /** True when the text carries any agent marker. */
    public static boolean isPresentIn(String text) {
        return text != null && ANY.matcher(text).find();
    }

    private static String sanitize(String value) {
        return value == null ? "" : value.replaceAll("[^A-Za-z0-9_./-]", "_");
    }
}
