package dev.codeagent.orchestrator.workflow;

/**
 * Puts untrusted text (intents, model summaries, error messages) into markdown without letting it break
 * a table, hide content in an HTML comment, or forge the agent's marker.
 */
final class Markdown {

    /** The characters CommonMark lets a backslash escape: all of ASCII's punctuation. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Markdown() {
    }

    /** Text for a table cell or one line: single line, pipes escaped, no HTML, bounded. */
    static String inline(String text, int max) {
        return line(text, max).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("`", "'");
    }

    /**
     * Text shown exactly as written, in one bounded line: every ASCII punctuation character is backslash-escaped,
     * so a name can start no link, emphasis, HTML, mention or autolink.
     */
    static String literal(String text, int max) {
        String single = line(text, max);
        StringBuilder escaped = new StringBuilder(single.length() * 2);
        for (char c : single.toCharArray()) {
            if (PUNCTUATION.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String line(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String single = text.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\s{2,}", " ").strip();
        if (single.length() > max) {
            single = single.substring(0, max - 1).strip() + "…";
        }
        return single;
    }

    /** Multi-line text as a quote block, HTML neutralised, bounded. */
    static String quote(String text, int max) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String bounded = text.strip();
        if (bounded.length() > max) {
            bounded = bounded.substring(0, max - 1) + "…";
        }
        String safe = bounded.replace("<", "&lt;").replace(">", "&gt;");
        return "> " + String.join("\n> ", safe.split("\\R"));
    }
}
